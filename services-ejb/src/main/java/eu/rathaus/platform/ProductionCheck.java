package eu.rathaus.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a production start must not have: a missing secret or one whose value is published in the
 * repository (the register service's credentials only when {@code RATHAUS_REGISTER_URL} is set), a
 * base URL without https, no malware scanner (unless explicitly switched off), demo content, demo
 * users or demo client secrets in Keycloak, and an outbound host outside the residency policy
 * ({@link ResidencyPolicy}). Collects every problem as one line that names the setting, so an
 * operator fixes all of them in one round.
 *
 * <p>Pure: settings and Keycloak's answers come in as functions, so the unit test covers each rule.
 */
public final class ProductionCheck {

  /** Settings that WildFly itself reads from the environment (datasource, OIDC subsystem). */
  static final List<String> SERVER_SECRETS = List.of("POSTGRESQL_PASSWORD", "OIDC_CLIENT_SECRET");

  /** Settings the application reads through MicroProfile Config. */
  static final List<String> APPLICATION_SECRETS =
      List.of(
          "POSTGRESQL_MIGRATION_PASSWORD",
          "KEYCLOAK_ADMIN_CLIENT_SECRET",
          "PAYMENT_PROVIDER_SECRET",
          "RATHAUS_KEYSTORE_PASSWORD",
          "RATHAUS_AUDIT_ANCHOR_KEY");

  /** The external resident register service; its credentials are required only when it is set. */
  static final String REGISTER_URL = "RATHAUS_REGISTER_URL";

  static final String REGISTER_CLIENT_ID = "RATHAUS_REGISTER_CLIENT_ID";
  static final String REGISTER_CLIENT_SECRET = "RATHAUS_REGISTER_CLIENT_SECRET";

  /** The explicit opt-out from malware scanning. */
  public static final String MALWARE_SCAN = "RATHAUS_MALWARE_SCAN";

  /**
   * What the check needs to know from Keycloak; each call may throw if Keycloak cannot be asked.
   */
  public interface Keycloak {
    /** User names of demo users in the portal's realm. */
    List<String> demoUsers();

    /** True if Keycloak authenticates {@code clientId} with {@code secret}. */
    boolean acceptsSecret(String clientId, String secret);
  }

  private ProductionCheck() {}

  /** True if malware scanning is explicitly switched off ({@code RATHAUS_MALWARE_SCAN=off}). */
  public static boolean malwareScanOptedOut(Function<String, Optional<String>> config) {
    return config.apply(MALWARE_SCAN).map(v -> v.equalsIgnoreCase("off")).orElse(false);
  }

  /**
   * Every problem, one line each, in a fixed order; empty if the installation may start in
   * production.
   *
   * @param config the application's settings (MicroProfile Config)
   * @param serverEnvironment the environment WildFly resolves its own expressions from
   */
  public static List<String> problems(
      Function<String, Optional<String>> config,
      Function<String, Optional<String>> serverEnvironment,
      Keycloak keycloak) {
    List<String> problems = new ArrayList<>();
    for (String key : SERVER_SECRETS) {
      secret(
          key,
          serverEnvironment.apply(key),
          DemoValues.SECRETS.get(key),
          problems,
          " (read by WildFly from the environment; without it the server falls back to the demo value)");
    }
    for (String key : APPLICATION_SECRETS) {
      secret(key, config.apply(key), DemoValues.SECRETS.get(key), problems, "");
    }
    if (config.apply(REGISTER_URL).isPresent()) {
      String note = " (required with " + REGISTER_URL + ")";
      if (config.apply(REGISTER_CLIENT_ID).isEmpty()) {
        problems.add(REGISTER_CLIENT_ID + " is not set" + note);
      }
      secret(
          REGISTER_CLIENT_SECRET,
          config.apply(REGISTER_CLIENT_SECRET),
          DemoValues.REGISTER_CLIENT_SECRET,
          problems,
          note);
    }
    Optional<String> base = config.apply("PORTAL_BASE_URL");
    if (base.isEmpty()) {
      problems.add(
          "PORTAL_BASE_URL is not set: the portal's public https:// address is required in production");
    } else if (!isHttps(base.get())) {
      problems.add("PORTAL_BASE_URL is not an https:// address: " + base.get());
    }
    if (config.apply("CLAMD_HOST").isEmpty() && !malwareScanOptedOut(config)) {
      problems.add(
          "CLAMD_HOST is not set: configure the malware scanner (clamd), or switch scanning off explicitly with "
              + MALWARE_SCAN
              + "=off");
    }
    if (config.apply("RATHAUS_DEMO_DATA").map(v -> v.equalsIgnoreCase("true")).orElse(false)) {
      problems.add(
          "RATHAUS_DEMO_DATA=true would seed the demo municipalities and their services: not allowed in production");
    }
    residencyProblems(config, serverEnvironment, problems);
    keycloakProblems(config, serverEnvironment, keycloak, problems);
    return List.copyOf(problems);
  }

  /**
   * The residency policy must be set, and every configured outbound host must lie inside it. Also
   * used in demo mode, where the lines are warnings.
   */
  public static List<String> residencyProblems(
      Function<String, Optional<String>> config,
      Function<String, Optional<String>> serverEnvironment) {
    List<String> problems = new ArrayList<>();
    residencyProblems(config, serverEnvironment, problems);
    return problems;
  }

  private static void residencyProblems(
      Function<String, Optional<String>> config,
      Function<String, Optional<String>> serverEnvironment,
      List<String> problems) {
    Optional<String> value = config.apply(ResidencyPolicy.KEY);
    if (value.isEmpty()) {
      problems.add(
          ResidencyPolicy.KEY
              + " is not set: list the hosts and networks data may go to (e.g. *.svc.cluster.local, *.your-eu-cloud.example, 10.0.0.0/8)");
      return;
    }
    ResidencyPolicy policy;
    try {
      policy = ResidencyPolicy.parse(value.get());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return;
    }
    for (OutboundEndpoints.Endpoint endpoint :
        OutboundEndpoints.configured(config, serverEnvironment)) {
      if (!policy.allows(endpoint.host())) {
        problems.add(
            endpoint.setting()
                + " points to "
                + (endpoint.host().isEmpty() ? "no host" : endpoint.host())
                + ", outside the residency policy "
                + ResidencyPolicy.KEY
                + "="
                + String.join(",", policy.entries()));
      }
    }
  }

  private static void keycloakProblems(
      Function<String, Optional<String>> config,
      Function<String, Optional<String>> serverEnvironment,
      Keycloak keycloak,
      List<String> problems) {
    try {
      List<String> demoUsers = keycloak.demoUsers();
      if (!demoUsers.isEmpty()) {
        problems.add(
            "Keycloak realm contains demo users with published passwords: "
                + String.join(", ", demoUsers)
                + " (import the realm without keycloak/demo/, or delete these users)");
      }
      Map<String, String> clients =
          Map.of(
              config.apply("KEYCLOAK_ADMIN_CLIENT_ID").orElse("rathaus-admin"),
                  DemoValues.ADMIN_CLIENT_SECRET,
              serverEnvironment.apply("OIDC_CLIENT_ID").orElse("rathaus-portal"),
                  DemoValues.OIDC_CLIENT_SECRET);
      for (Map.Entry<String, String> client : new java.util.TreeMap<>(clients).entrySet()) {
        if (keycloak.acceptsSecret(client.getKey(), client.getValue())) {
          problems.add(
              "Keycloak accepts the published demo secret of client "
                  + client.getKey()
                  + " (set RATHAUS_ADMIN_CLIENT_SECRET / RATHAUS_OIDC_CLIENT_SECRET for the realm import, or regenerate the secret)");
        }
      }
    } catch (RuntimeException e) {
      problems.add(
          "Keycloak could not be asked whether demo users or demo client secrets exist ("
              + e.getMessage()
              + "): check OIDC_PROVIDER_URL and KEYCLOAK_ADMIN_CLIENT_SECRET");
    }
  }

  private static void secret(
      String key, Optional<String> value, String demoValue, List<String> problems, String note) {
    if (value.isEmpty()) {
      problems.add(key + " is not set" + note);
    } else if (value.get().equals(demoValue)) {
      problems.add(key + " equals the demo value published in the repository");
    }
  }

  private static boolean isHttps(String url) {
    try {
      URI uri = URI.create(url);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
