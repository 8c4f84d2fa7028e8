package eu.rathaus.registers.residents.infrastructure;

import eu.rathaus.platform.ResidencyPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the external register service is and how the portal signs in there, read from the
 * installation's settings (MicroProfile Config):
 *
 * <ul>
 *   <li>{@value #URL}: the service's base URL; not set = the built-in PostgreSQL register,
 *   <li>{@value #TOKEN_URL}: the OAuth 2.0 token endpoint (default: {@code <URL>/oauth2/token}),
 *   <li>{@value #CLIENT_ID} / {@value #CLIENT_SECRET}: the portal's client credentials,
 *   <li>{@value #TIMEOUT_MS}: connect and answer timeout per call (default 5000 ms).
 * </ul>
 */
public record RegisterServiceSettings(
    URI baseUrl, URI tokenUrl, String clientId, String clientSecret, Duration timeout) {

  public static final String URL = "RATHAUS_REGISTER_URL";
  public static final String TOKEN_URL = "RATHAUS_REGISTER_TOKEN_URL";
  public static final String CLIENT_ID = "RATHAUS_REGISTER_CLIENT_ID";
  public static final String CLIENT_SECRET = "RATHAUS_REGISTER_CLIENT_SECRET";
  public static final String TIMEOUT_MS = "RATHAUS_REGISTER_TIMEOUT_MS";

  static final long DEFAULT_TIMEOUT_MS = 5000;

  /**
   * The settings, or empty when {@value #URL} is not set (the built-in register is used).
   *
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public static Optional<RegisterServiceSettings> from(Function<String, Optional<String>> config) {
    Optional<String> url = config.apply(URL);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    URI base = httpUri(URL, url.get());
    URI token =
        config
            .apply(TOKEN_URL)
            .map(t -> httpUri(TOKEN_URL, t))
            .orElseGet(() -> URI.create(stripSlash(base.toString()) + "/oauth2/token"));
    String id = config.apply(CLIENT_ID).orElse("");
    String secret = config.apply(CLIENT_SECRET).orElse("");
    if (id.isEmpty() || secret.isEmpty()) {
      throw new IllegalArgumentException(
          URL + " is set, but " + CLIENT_ID + " or " + CLIENT_SECRET + " is missing");
    }
    long timeout;
    try {
      timeout = config.apply(TIMEOUT_MS).map(Long::parseLong).orElse(DEFAULT_TIMEOUT_MS);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(TIMEOUT_MS + " is no number of milliseconds");
    }
    if (timeout < 100 || timeout > 60_000) {
      throw new IllegalArgumentException(TIMEOUT_MS + " must lie between 100 and 60000");
    }
    return Optional.of(
        new RegisterServiceSettings(base, token, id, secret, Duration.ofMillis(timeout)));
  }

  /** True if both the service and its token endpoint lie within the residency policy (if set). */
  public boolean withinResidency(Optional<String> policy) {
    if (policy.isEmpty()) {
      return true;
    }
    try {
      ResidencyPolicy parsed = ResidencyPolicy.parse(policy.get());
      return parsed.allows(baseUrl.getHost()) && parsed.allows(tokenUrl.getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static URI httpUri(String key, String value) {
    try {
      URI uri = new URI(value.strip());
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getUserInfo() == null
          && uri.getQuery() == null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " is no http(s) URL without query and user info");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "RegisterServiceSettings[" + baseUrl + ", client " + clientId + "]";
  }
}
