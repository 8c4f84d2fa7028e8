package eu.rathaus.webhooks.domain;

import eu.rathaus.platform.ResidencyPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for a subscription's URL, checked when the admin saves it: an absolute http(s) URL
 * without user information, of at most {@link #MAX_LENGTH} characters; its host allowed by the
 * installation's residency policy ({@code RATHAUS_RESIDENCY_HOSTS}); and https — plain http only to
 * this machine ({@code localhost}, {@code *.localhost}, a loopback address) in the demo mode, which
 * the local stack and the tests run in. Production takes https only.
 */
public final class WebhookUrl {

  public static final int MAX_LENGTH = 500;

  private WebhookUrl() {}

  /**
   * @param residencyPolicy the value of {@code RATHAUS_RESIDENCY_HOSTS}, if set
   * @param demo whether the portal runs in demo mode
   * @return the message key of the problem ({@code webhooks.url.*}), empty if the URL is fine
   */
  public static Optional<String> problem(
      String url, Optional<String> residencyPolicy, boolean demo) {
    String u = url == null ? "" : url.strip();
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      return Optional.of("webhooks.url.invalid");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (u.isEmpty()
        || u.length() > MAX_LENGTH
        || !(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getUserInfo() != null) {
      return Optional.of("webhooks.url.invalid");
    }
    if (!ResidencyPolicy.allowsUrl(u, residencyPolicy)) {
      return Optional.of("webhooks.url.residency");
    }
    if (scheme.equals("http") && !(demo && loopback(uri.getHost()))) {
      return Optional.of("webhooks.url.https");
    }
    return Optional.empty();
  }

  static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.startsWith("127.")
        || h.equals("[::1]")
        || h.equals("::1");
  }
}
