package eu.rathaus.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every place the portal sends data to, read from its configuration: the database, Keycloak, the
 * mail relay, the malware scanner, the payment provider, the external resident register service and
 * the trace collector. Settings that are not set are left out (the component is not used, or falls
 * back to a local demo one). Used by the production check, which refuses hosts outside the {@link
 * ResidencyPolicy}, and by the platform admin's residency page.
 */
public final class OutboundEndpoints {

  /**
   * One outbound connection.
   *
   * @param purpose what it is for (a resource bundle key suffix: {@code
   *     residency.purpose.<purpose>})
   * @param setting the setting it comes from
   * @param host the host name or address it connects to, empty if the value names none
   */
  public record Endpoint(String purpose, String setting, String host) {}

  private OutboundEndpoints() {}

  /**
   * @param config the application's settings (MicroProfile Config)
   * @param serverEnvironment the environment WildFly resolves its own expressions from
   */
  public static List<Endpoint> configured(
      Function<String, Optional<String>> config,
      Function<String, Optional<String>> serverEnvironment) {
    List<Endpoint> endpoints = new ArrayList<>();
    serverEnvironment
        .apply("POSTGRESQL_URL")
        .ifPresent(
            url -> {
              for (String host : jdbcHosts(url)) {
                endpoints.add(new Endpoint("database", "POSTGRESQL_URL", host));
              }
            });
    serverEnvironment
        .apply("OIDC_PROVIDER_URL")
        .or(() -> config.apply("OIDC_PROVIDER_URL"))
        .ifPresent(url -> endpoints.add(new Endpoint("keycloak", "OIDC_PROVIDER_URL", host(url))));
    serverEnvironment
        .apply("SMTP_HOST")
        .ifPresent(host -> endpoints.add(new Endpoint("mail", "SMTP_HOST", host)));
    config
        .apply("CLAMD_HOST")
        .ifPresent(host -> endpoints.add(new Endpoint("scanner", "CLAMD_HOST", host)));
    for (String key : List.of("PAYMENT_PROVIDER_URL", "PAYMENT_PROVIDER_PAGE_URL")) {
      config.apply(key).ifPresent(url -> endpoints.add(new Endpoint("payment", key, host(url))));
    }
    // The external resident register service (the built-in register when not set).
    for (String key : List.of("RATHAUS_REGISTER_URL", "RATHAUS_REGISTER_TOKEN_URL")) {
      config.apply(key).ifPresent(url -> endpoints.add(new Endpoint("register", key, host(url))));
    }
    for (String key : List.of("RATHAUS_OTEL_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")) {
      config.apply(key).ifPresent(url -> endpoints.add(new Endpoint("traces", key, host(url))));
    }
    return List.copyOf(endpoints);
  }

  /** The host of an http(s) URL, or "" if it has none. */
  static String host(String url) {
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? "" : host;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * The hosts of a PostgreSQL JDBC URL; the driver accepts several for fail-over ({@code
   * jdbc:postgresql://a:5432,b:5432/db}).
   */
  static List<String> jdbcHosts(String url) {
    String prefix = "jdbc:postgresql://";
    if (!url.startsWith(prefix)) {
      return List.of("");
    }
    String rest = url.substring(prefix.length());
    int end = rest.indexOf('/');
    String authority = end < 0 ? rest : rest.substring(0, end);
    if (authority.isEmpty()) {
      return List.of("localhost"); // the driver's default
    }
    List<String> hosts = new ArrayList<>();
    for (String part : authority.split(",")) {
      String host = part.startsWith("[") ? part.substring(0, part.indexOf(']') + 1) : part;
      int colon = host.startsWith("[") ? -1 : host.lastIndexOf(':');
      hosts.add(colon < 0 ? host : host.substring(0, colon));
    }
    return hosts;
  }
}
