package eu.rathaus.keycloak;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The domain part of an e-mail address, and whether it is one of a set of domains. */
final class EmailDomains {

  private EmailDomains() {}

  /**
   * The lower-cased domain of {@code email}, or empty when it is not a plain {@code local@domain}
   * address. Exactly one {@code @} is required, so {@code "a@evil.example@musterstadt.de"} does not
   * count as a Musterstadt address.
   */
  static Optional<String> domainOf(String email) {
    if (email == null) {
      return Optional.empty();
    }
    String trimmed = email.trim();
    int at = trimmed.indexOf('@');
    if (at <= 0 || at != trimmed.lastIndexOf('@') || at == trimmed.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(trimmed.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * True when the address's domain equals one of {@code domains} (case-insensitive). Exact match
   * only: a subdomain of a municipality's domain is a different mail system and has to be
   * registered on its own.
   */
  static boolean isIn(String email, Collection<String> domains) {
    return domainOf(email)
        .map(
            domain ->
                domains.stream().anyMatch(d -> d != null && d.trim().equalsIgnoreCase(domain)))
        .orElse(false);
  }
}
