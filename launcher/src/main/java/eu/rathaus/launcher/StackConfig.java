package eu.rathaus.launcher;

import eu.rathaus.platform.DemoValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything the local stack needs to know: ports, folders, credentials and the URLs that connect
 * the pieces.
 *
 * <p>Immutable, and built only through {@link #fromEnvironment(Path)} or {@link #forTests(Path,
 * Path)}, because the two must never share ports: a developer keeps {@code ./rathaus up} running
 * while the browser tests start their own stack next to it. All credentials are local development
 * defaults; production configuration lives in the container images and never passes through this
 * class.
 */
public final class StackConfig {

  /**
   * Password of the local app role {@code rathaus}. Local only: the role is reachable from
   * 127.0.0.1 only.
   */
  public static final String DEFAULT_APP_PASSWORD = DemoValues.DATABASE_PASSWORD;

  /** Password of the local owner role {@code rathaus_owner}, which runs the Flyway migrations. */
  public static final String DEFAULT_OWNER_PASSWORD = DemoValues.MIGRATION_PASSWORD;

  /** Password of Keycloak's local database role. */
  public static final String DEFAULT_KEYCLOAK_DB_PASSWORD = "keycloak";

  /**
   * Client secret of {@code rathaus-portal}; the realm JSON uses the same value as its placeholder
   * default.
   */
  public static final String DEFAULT_OIDC_CLIENT_SECRET = DemoValues.OIDC_CLIENT_SECRET;

  public static final String APP_DATABASE = "rathaus";
  public static final String APP_ROLE = "rathaus";
  public static final String OWNER_ROLE = "rathaus_owner";
  public static final String KEYCLOAK_DATABASE = "keycloak";
  public static final String KEYCLOAK_ROLE = "keycloak";
  public static final String REALM = "rathaus";
  public static final String OIDC_CLIENT_ID = "rathaus-portal";

  /**
   * HMAC secret shared by the portal and the local payment sandbox; production sets its provider's
   * own.
   */
  public static final String DEFAULT_PAYMENT_SECRET = DemoValues.PAYMENT_SECRET;

  /** Password of the local master keystore; production supplies its own (or an HSM/KMS instead). */
  public static final String DEFAULT_KEYSTORE_PASSWORD = DemoValues.KEYSTORE_PASSWORD;

  // clamd: not its usual 3310, so a system clamd listening on TCP does not collide with ours.
  private static final Map<Component, Integer> UP_PORTS =
      ports(8080, 9990, 8180, 9000, 15432, 2525, 8025, 13310, 8480, 8580);
  private static final Map<Component, Integer> TEST_PORTS =
      ports(18080, 19990, 18180, 19000, 25432, 22525, 18025, 23310, 18480, 18580);

  private final Path projectDir;
  private final Path dataDir;
  private final Map<Component, Integer> ports;
  private final boolean externalDatabase;
  private final String jdbcUrl;
  private final String appUser;
  private final String appPassword;
  private final String ownerUser;
  private final String ownerPassword;
  private final String keycloakDbUrl;
  private final String keycloakDbUser;
  private final String keycloakDbPassword;
  private final String keycloakAdminUser;
  private final String keycloakAdminPassword;
  private final String oidcClientSecret;
  private final Path keystorePath;
  private final String keystorePassword;
  private final String paymentSecret;
  private final String otlpEndpoint;
  private final boolean jsonLogs;
  private final boolean classDataSharing;

  /**
   * Port of the OTLP/HTTP receiver the integration tests run (ItStack): the test stack's portal and
   * Keycloak export their traces there.
   */
  public static final int TEST_OTLP_PORT = 24318;

  private StackConfig(
      Path projectDir, Path dataDir, Map<Component, Integer> ports, Map<String, String> env) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.ports = Collections.unmodifiableMap(new EnumMap<>(ports));
    int pg = ports.get(Component.POSTGRES);
    String externalUrl = blankToNull(env.get("POSTGRESQL_URL"));
    this.externalDatabase = externalUrl != null;
    if (externalDatabase) {
      this.jdbcUrl = externalUrl;
      this.appUser = required(env, "POSTGRESQL_USER");
      this.appPassword = required(env, "POSTGRESQL_PASSWORD");
      this.ownerUser = required(env, "POSTGRESQL_MIGRATION_USER");
      this.ownerPassword = required(env, "POSTGRESQL_MIGRATION_PASSWORD");
      this.keycloakDbUrl = required(env, "KC_DB_URL");
      this.keycloakDbUser = required(env, "KC_DB_USERNAME");
      this.keycloakDbPassword = required(env, "KC_DB_PASSWORD");
    } else {
      this.jdbcUrl = jdbcUrl(pg, APP_DATABASE);
      this.appUser = APP_ROLE;
      this.appPassword = DEFAULT_APP_PASSWORD;
      this.ownerUser = OWNER_ROLE;
      this.ownerPassword = DEFAULT_OWNER_PASSWORD;
      this.keycloakDbUrl = jdbcUrl(pg, KEYCLOAK_DATABASE);
      this.keycloakDbUser = KEYCLOAK_ROLE;
      this.keycloakDbPassword = DEFAULT_KEYCLOAK_DB_PASSWORD;
    }
    this.keycloakAdminUser = env.getOrDefault("KEYCLOAK_ADMIN", "admin");
    this.keycloakAdminPassword = env.getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin");
    this.oidcClientSecret =
        env.getOrDefault("RATHAUS_OIDC_CLIENT_SECRET", DEFAULT_OIDC_CLIENT_SECRET);
    String keystore = blankToNull(env.get("RATHAUS_KEYSTORE"));
    this.keystorePath =
        keystore == null
            ? this.dataDir.resolve("keys/rathaus-master.p12")
            : Path.of(keystore).toAbsolutePath().normalize();
    this.keystorePassword =
        env.getOrDefault("RATHAUS_KEYSTORE_PASSWORD", DEFAULT_KEYSTORE_PASSWORD);
    this.paymentSecret = env.getOrDefault("PAYMENT_PROVIDER_SECRET", DEFAULT_PAYMENT_SECRET);
    this.otlpEndpoint = blankToNull(env.get(OTLP_ENDPOINT_VARIABLE));
    this.jsonLogs = "json".equalsIgnoreCase(env.getOrDefault("RATHAUS_LOG_FORMAT", "text").trim());
    this.classDataSharing =
        !"false".equalsIgnoreCase(env.getOrDefault("RATHAUS_CDS", "true").trim());
  }

  /** The standard OpenTelemetry variable: set, portal and Keycloak export traces there. */
  public static final String OTLP_ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

  /** Configuration for {@code ./rathaus up}, taken from the process environment. */
  public static StackConfig fromEnvironment(Path projectDir) {
    return fromEnvironment(projectDir, System.getenv());
  }

  /**
   * Configuration for {@code ./rathaus up} from the given environment; the map is injectable so the
   * rules can be unit-tested without touching the real environment.
   *
   * @throws IllegalArgumentException with a message fit for the console if a value is invalid
   */
  public static StackConfig fromEnvironment(Path projectDir, Map<String, String> env) {
    Objects.requireNonNull(projectDir, "projectDir");
    Map<Component, Integer> ports = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      ports.put(component, port(env, component));
    }
    rejectDuplicates(ports);
    String dataDir = blankToNull(env.get("RATHAUS_DATA_DIR"));
    Path data = dataDir == null ? projectDir.resolve(".rathaus") : Path.of(dataDir);
    return new StackConfig(projectDir, data, ports, env);
  }

  /**
   * Configuration for tests: a fixed port set disjoint from {@code up}'s defaults and always the
   * embedded database, so a test run neither collides with nor touches a developer's running stack.
   */
  public static StackConfig forTests(Path projectDir, Path dataDir) {
    // Traces go to the tests' own OTLP receiver, logs are JSON lines: the test stack runs with the
    // observability settings of production, so TracingIT can check both.
    return new StackConfig(
        projectDir,
        dataDir,
        TEST_PORTS,
        Map.of(
            OTLP_ENDPOINT_VARIABLE,
            "http://127.0.0.1:" + TEST_OTLP_PORT,
            "RATHAUS_LOG_FORMAT",
            "json"));
  }

  private static int port(Map<String, String> env, Component component) {
    String raw = blankToNull(env.get(component.envVar()));
    if (raw == null) {
      return UP_PORTS.get(component);
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= 1 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the variable's name, which is what the user needs
    }
    throw new IllegalArgumentException(
        component.envVar()
            + "="
            + raw
            + " ist keine gültige Portnummer / is not a valid port number (1-65535).");
  }

  private static void rejectDuplicates(Map<Component, Integer> ports) {
    Map<Integer, Component> seen = new HashMap<>();
    for (Map.Entry<Component, Integer> e : ports.entrySet()) {
      Component earlier = seen.putIfAbsent(e.getValue(), e.getKey());
      if (earlier != null) {
        throw new IllegalArgumentException(
            "Port "
                + e.getValue()
                + " ist doppelt vergeben / is used twice ("
                + earlier.envVar()
                + " und "
                + e.getKey().envVar()
                + ").");
      }
    }
  }

  private static String required(Map<String, String> env, String name) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      throw new IllegalArgumentException(
          "POSTGRESQL_URL ist gesetzt, aber "
              + name
              + " fehlt / POSTGRESQL_URL is set but "
              + name
              + " is missing.");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String jdbcUrl(int port, String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private static Map<Component, Integer> ports(
      int portal,
      int mgmt,
      int kc,
      int kcMgmt,
      int pg,
      int smtp,
      int web,
      int clamd,
      int paymentSandbox,
      int registerService) {
    Map<Component, Integer> map = new EnumMap<>(Component.class);
    map.put(Component.PORTAL, portal);
    map.put(Component.WILDFLY_MANAGEMENT, mgmt);
    map.put(Component.KEYCLOAK, kc);
    map.put(Component.KEYCLOAK_MANAGEMENT, kcMgmt);
    map.put(Component.POSTGRES, pg);
    map.put(Component.SMTP, smtp);
    map.put(Component.MAIL_WEB, web);
    map.put(Component.CLAMD, clamd);
    map.put(Component.PAYMENT_SANDBOX, paymentSandbox);
    map.put(Component.REGISTER_SERVICE, registerService);
    return map;
  }

  public Path projectDir() {
    return projectDir;
  }

  /**
   * The folder that keeps all local state between runs ({@code .rathaus} by default, gitignored).
   */
  public Path dataDir() {
    return dataDir;
  }

  public Path logDir() {
    return dataDir.resolve("logs");
  }

  public Path pidFile() {
    return dataDir.resolve("rathaus.pid");
  }

  public int port(Component component) {
    return ports.get(component);
  }

  public Map<Component, Integer> ports() {
    return ports;
  }

  public int portalPort() {
    return port(Component.PORTAL);
  }

  public int managementPort() {
    return port(Component.WILDFLY_MANAGEMENT);
  }

  public int keycloakPort() {
    return port(Component.KEYCLOAK);
  }

  public int keycloakManagementPort() {
    return port(Component.KEYCLOAK_MANAGEMENT);
  }

  public int postgresPort() {
    return port(Component.POSTGRES);
  }

  public int smtpPort() {
    return port(Component.SMTP);
  }

  public int mailWebPort() {
    return port(Component.MAIL_WEB);
  }

  /** TCP port of the local clamd (127.0.0.1), if ClamAV is installed. */
  public int clamdPort() {
    return port(Component.CLAMD);
  }

  /**
   * The PKCS#12 file with the master key that wraps the attachment data keys: {@code
   * RATHAUS_KEYSTORE}, else {@code keys/rathaus-master.p12} in the data folder. Never inside the
   * WAR or the repository.
   */
  public Path keystorePath() {
    return keystorePath;
  }

  public String keystorePassword() {
    return keystorePassword;
  }

  /**
   * True if {@code POSTGRESQL_URL} points at an existing server, so no embedded PostgreSQL is
   * started.
   */
  public boolean externalDatabase() {
    return externalDatabase;
  }

  /** JDBC URL of the application database {@code rathaus}. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * The role the portal connects as at runtime: no superuser, no BYPASSRLS, so row-level security
   * applies.
   */
  public String appUser() {
    return appUser;
  }

  public String appPassword() {
    return appPassword;
  }

  /** The role that owns the schema and runs the Flyway migrations. */
  public String ownerUser() {
    return ownerUser;
  }

  public String ownerPassword() {
    return ownerPassword;
  }

  public String keycloakDbUrl() {
    return keycloakDbUrl;
  }

  public String keycloakDbUser() {
    return keycloakDbUser;
  }

  public String keycloakDbPassword() {
    return keycloakDbPassword;
  }

  public String keycloakAdminUser() {
    return keycloakAdminUser;
  }

  public String keycloakAdminPassword() {
    return keycloakAdminPassword;
  }

  public String keycloakUrl() {
    return "http://localhost:" + keycloakPort();
  }

  /**
   * The issuer the portal trusts; {@code localhost} (not 127.0.0.1) so browser and server see the
   * same issuer.
   */
  public String oidcProviderUrl() {
    return keycloakUrl() + "/realms/" + REALM;
  }

  public String oidcClientId() {
    return OIDC_CLIENT_ID;
  }

  public String oidcClientSecret() {
    return oidcClientSecret;
  }

  public String portalBaseUrl() {
    return "http://localhost:" + portalPort();
  }

  /**
   * OTLP/HTTP endpoint for traces ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, e.g. {@code
   * http://127.0.0.1:4318}), or {@code null}: tracing off.
   */
  public String otlpEndpoint() {
    return otlpEndpoint;
  }

  /** {@code RATHAUS_LOG_FORMAT=json}: the portal's console log is JSON lines, as in the image. */
  public boolean jsonLogs() {
    return jsonLogs;
  }

  /**
   * {@code RATHAUS_CDS=false} turns off WildFly's class-data archive ({@link ClassDataArchive}); on
   * by default.
   */
  public boolean classDataSharing() {
    return classDataSharing;
  }

  /** The port of the register service double ({@link LocalRegisterService}). */
  public int registerServicePort() {
    return port(Component.REGISTER_SERVICE);
  }

  public int paymentSandboxPort() {
    return port(Component.PAYMENT_SANDBOX);
  }

  /** The payment sandbox as browsers see it. */
  public String paymentSandboxUrl() {
    return "http://localhost:" + paymentSandboxPort();
  }

  /** The HMAC secret of the hosted payment protocol ({@code PAYMENT_PROVIDER_SECRET}). */
  public String paymentSecret() {
    return paymentSecret;
  }

  public String mailInboxUrl() {
    return "http://localhost:" + mailWebPort();
  }

  /**
   * Keycloak version the launcher was built against (filtered into {@code
   * rathaus-launcher.properties}).
   */
  public String keycloakVersion() {
    return BuildInfo.KEYCLOAK_VERSION;
  }

  /** The Keycloak distribution copied there by {@code ./mvnw install}; see the launcher's pom. */
  public Path keycloakDistribution() {
    return projectDir.resolve("launcher/target/keycloak/keycloak-quarkus-dist.zip");
  }

  /** The provisioned WildFly (without deployments), built by the portal-web module. */
  public Path provisionedServer() {
    return projectDir.resolve("portal-web/target/server");
  }

  public Path portalWar() {
    return projectDir.resolve("portal-web/target/rathaus.war");
  }

  @Override
  public String toString() {
    return "StackConfig[projectDir="
        + projectDir
        + ", dataDir="
        + dataDir
        + ", ports="
        + ports
        + ", externalDatabase="
        + externalDatabase
        + "]";
  }

  /** Facts fixed at build time; read once because they cannot change while the JVM runs. */
  static final class BuildInfo {
    static final String KEYCLOAK_VERSION;

    static {
      Properties props = new Properties();
      try (InputStream in = StackConfig.class.getResourceAsStream("/rathaus-launcher.properties")) {
        if (in == null) {
          throw new IllegalStateException(
              "rathaus-launcher.properties fehlt / is missing from the classpath");
        }
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      KEYCLOAK_VERSION = props.getProperty("keycloak.version");
    }

    private BuildInfo() {}
  }
}
