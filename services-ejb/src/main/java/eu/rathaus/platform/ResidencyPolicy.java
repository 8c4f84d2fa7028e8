package eu.rathaus.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where personal data may go: the hosts an installation's operator allows for every outbound
 * connection (database, Keycloak, mail relay, malware scanner, payment provider, trace collector,
 * specialist procedures). Set as {@value #KEY}, a comma-separated list of
 *
 * <ul>
 *   <li>host names ({@code db.rathaus.svc.cluster.local}), matched exactly,
 *   <li>domains ({@code *.verwaltungscloud.example}), matching every name below them, and
 *   <li>IP addresses and ranges ({@code 10.0.0.0/8}, {@code fd00::/8}), matching addresses given as
 *       literals.
 * </ul>
 *
 * <p>Loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) is always allowed: a connection
 * to it never leaves the machine or the pod (a sidecar relay, the demo stack).
 *
 * <p>Names are compared as written, without DNS: the names an operator configures are what it
 * controls, and a check that resolves names would make the start depend on the resolver. An address
 * literal is allowed only by an address range, a name only by a name or domain.
 */
public final class ResidencyPolicy {

  /** The setting that holds the policy. */
  public static final String KEY = "RATHAUS_RESIDENCY_HOSTS";

  /** A free-text label of the region shown to admins ("EU, Frankfurt am Main (BSI C5)"). */
  public static final String REGION_KEY = "RATHAUS_RESIDENCY_REGION";

  private static final Pattern NAME =
      Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private static final List<Range> LOOPBACK = List.of(Range.of("127.0.0.0/8"), Range.of("::1"));

  private final List<String> entries;
  private final List<Range> ranges = new ArrayList<>();

  private ResidencyPolicy(List<String> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * @throws IllegalArgumentException naming the first entry that is no host, domain, address or
   *     range, or when the list is empty
   */
  public static ResidencyPolicy parse(String value) {
    List<String> entries = new ArrayList<>();
    for (String raw : value == null ? new String[0] : value.split("[,\\s]+")) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(KEY + " lists no host");
    }
    ResidencyPolicy policy = new ResidencyPolicy(entries);
    for (String entry : entries) {
      if (isAddressOrRange(entry)) {
        policy.ranges.add(Range.of(entry));
      } else if (!NAME.matcher(entry.startsWith("*.") ? entry.substring(2) : entry).matches()) {
        throw new IllegalArgumentException(
            KEY
                + ": '"
                + entry
                + "' is neither a host name, a domain (*.example.eu), an IP address nor a range");
      }
    }
    return policy;
  }

  /**
   * Whether the host of {@code url} is one the installation's policy ({@code policy}, the value of
   * {@link #KEY}) lets data go to; without a policy (a demo may run without one; a production start
   * refuses that) every host is. A policy or a URL that does not parse allows nothing.
   */
  public static boolean allowsUrl(String url, java.util.Optional<String> policy) {
    if (policy.isEmpty()) {
      return true;
    }
    try {
      return parse(policy.get()).allows(java.net.URI.create(url).getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The entries as configured (lower case). */
  public List<String> entries() {
    return entries;
  }

  /**
   * True if {@code host} (a name or an address literal, IPv6 with or without brackets) is allowed.
   */
  public boolean allows(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1); // the absolute form names the same host
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (isAddress(h)) {
      byte[] address;
      try {
        address = Range.bytes(h);
      } catch (IllegalArgumentException e) {
        return false; // looks like an address but is none: nothing allows it
      }
      BigInteger number = new BigInteger(1, address);
      if (LOOPBACK.stream().anyMatch(r -> r.contains(number, address.length * 8))) {
        return true;
      }
      return ranges.stream().anyMatch(r -> r.contains(number, address.length * 8));
    }
    for (String entry : entries) {
      if (entry.startsWith("*.") ? h.endsWith(entry.substring(1)) : h.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAddressOrRange(String entry) {
    int slash = entry.indexOf('/');
    return isAddress(slash < 0 ? entry : entry.substring(0, slash));
  }

  private static boolean isAddress(String text) {
    return IPV4.matcher(text).matches() || (text.contains(":") && text.matches("[0-9a-f:.]+"));
  }

  private static boolean validIpv4(String text) {
    for (String octet : text.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  /** An address range (a single address is a range of one). */
  private record Range(BigInteger network, int prefix, int bits) {

    static Range of(String entry) {
      int slash = entry.indexOf('/');
      byte[] address = bytes(slash < 0 ? entry : entry.substring(0, slash));
      int bits = address.length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(KEY + ": '" + entry + "' has no valid prefix length");
      }
      return new Range(mask(new BigInteger(1, address), prefix, bits), prefix, bits);
    }

    boolean contains(BigInteger address, int addressBits) {
      return addressBits == bits && mask(address, prefix, bits).equals(network);
    }

    static byte[] bytes(String literal) {
      if (!literal.contains(":") && !validIpv4(literal)) {
        throw new IllegalArgumentException(KEY + ": '" + literal + "' is no IP address");
      }
      try {
        // Only literals come here (dotted quads checked above, or text with a colon, which Java
        // parses as an IPv6 literal): no name lookup happens.
        return InetAddress.getByName(literal).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(KEY + ": '" + literal + "' is no IP address", e);
      }
    }

    private static BigInteger mask(BigInteger address, int prefix, int bits) {
      return address.shiftRight(bits - prefix);
    }
  }
}
