package eu.rathaus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.launcher.StackConfig;
import eu.rathaus.web.it.ItStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provisioned server with the built WAR, started like a container image would start it: without
 * {@code RATHAUS_MODE=demo}, and with every unsafe default at once (published secrets, a missing
 * secret, http base URL, no malware scanner, demo data, the demo realm with its demo users, a mail
 * relay and a payment provider outside the residency policy). The portal must refuse: the
 * deployment fails, each problem is logged in its own line, readiness stays DOWN, no page is
 * served, and the database is never migrated by the refused deployment.
 *
 * <p>The demo half (everything allowed with {@code RATHAUS_MODE=demo}) is the rest of the suite,
 * which runs in demo mode.
 */
class ProductionModeIT {

  /** Port offset of this server; the launcher's portal uses 18080, Arquillian's offset 300. */
  private static final int OFFSET = 500;

  // Generous: only an upper bound on waiting for the marker file; boot + refusal took 3.5 min on a
  // loaded 2-core machine.
  private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

  private static Path home;
  private static Process server;
  private static String log;

  @BeforeAll
  static void startInProductionModeWithUnsafeDefaults() throws Exception {
    StackConfig stack = ItStack.config();
    ItStack
        .stack(); // PostgreSQL and the demo realm in Keycloak, as a careless production start would
    // find them
    Path target = Path.of("target").toAbsolutePath();
    home = target.resolve("production-mode-server");
    deleteRecursively(home);
    copyRecursively(target.resolve("server"), home);
    Files.copy(
        target.resolve("rathaus.war"),
        home.resolve("standalone/deployments/rathaus.war"),
        StandardCopyOption.REPLACE_EXISTING);

    ProcessBuilder builder =
        new ProcessBuilder(
            home.resolve("bin/standalone.sh").toString(),
            "-Djboss.socket.binding.port-offset=" + OFFSET,
            "-Djboss.bind.address=127.0.0.1",
            "-Djboss.bind.address.management=127.0.0.1");
    Map<String, String> env = builder.environment();
    // The failsafe JVM runs the demo stack; a production start has none of its settings.
    env.keySet()
        .removeIf(
            key ->
                key.startsWith("RATHAUS_")
                    || key.startsWith("CLAMD_")
                    || key.startsWith("PAYMENT_")
                    || key.startsWith("POSTGRESQL_")
                    || key.startsWith("OIDC_")
                    || key.startsWith("KEYCLOAK_")
                    || key.startsWith("SMTP_")
                    || key.equals("PORTAL_BASE_URL"));
    env.put("POSTGRESQL_URL", stack.jdbcUrl());
    env.put("POSTGRESQL_USER", stack.appUser());
    env.put("POSTGRESQL_PASSWORD", DemoValues.DATABASE_PASSWORD);
    env.put("POSTGRESQL_MIGRATION_USER", stack.ownerUser());
    env.put("POSTGRESQL_MIGRATION_PASSWORD", DemoValues.MIGRATION_PASSWORD);
    env.put("OIDC_PROVIDER_URL", stack.oidcProviderUrl());
    env.put("OIDC_CLIENT_SECRET", DemoValues.OIDC_CLIENT_SECRET);
    // KEYCLOAK_ADMIN_CLIENT_SECRET is left out: missing, the portal would use the demo value.
    env.put("PAYMENT_PROVIDER_SECRET", DemoValues.PAYMENT_SECRET);
    env.put("RATHAUS_KEYSTORE_PASSWORD", DemoValues.KEYSTORE_PASSWORD);
    env.put("PORTAL_BASE_URL", "http://localhost:" + (8080 + OFFSET));
    env.put("RATHAUS_DEMO_DATA", "true");
    // A residency policy for the operator's EU cloud, and two endpoints outside it (a US mail
    // relay and payment API); the database and Keycloak on loopback are always inside.
    env.put("RATHAUS_RESIDENCY_HOSTS", "*.rathaus-cloud.example, 10.0.0.0/8");
    env.put("SMTP_HOST", "smtp.sendgrid.net");
    env.put("PAYMENT_PROVIDER_URL", "https://api.stripe.com/v1");
    env.put("RATHAUS_SECRETS_DIR", home.resolve("no-secrets").toString());
    env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    // Its own JGroups ports (7000 + offset) and itself as the only peer: it never joins the
    // Arquillian node.
    env.put("JGROUPS_PORT", "7000");
    env.put("JGROUPS_FD_PORT", "7100");
    env.put("JGROUPS_PEER_1_PORT", Integer.toString(7000 + OFFSET));
    env.put("JGROUPS_PEER_2_PORT", Integer.toString(7000 + OFFSET));
    builder.redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
    server = builder.start();

    Path failed = home.resolve("standalone/deployments/rathaus.war.failed");
    Path deployed = home.resolve("standalone/deployments/rathaus.war.deployed");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    // The deployment scanner's marker files are the server's own signal that the deployment is
    // over.
    while (!Files.exists(failed)
        && !Files.exists(deployed)
        && server.isAlive()
        && System.nanoTime() < deadline) {
      server.waitFor(250, TimeUnit.MILLISECONDS);
    }
    assertThat(deployed)
        .as("a production start with unsafe defaults must not deploy")
        .doesNotExist();
    assertThat(failed)
        .as("the deployment must be marked failed (server log in " + home + ")")
        .exists();
    log = Files.readString(home.resolve("standalone/log/server.log"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      List<ProcessHandle> all =
          Stream.concat(Stream.of(server.toHandle()), server.descendants()).toList();
      all.forEach(ProcessHandle::destroy);
      for (ProcessHandle process : all) {
        process.onExit().get(60, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void namesEachUnsafeDefaultInItsOwnLine() {
    String prefix = ProductionGuard.LOG_PREFIX;
    assertThat(log)
        .contains(
            prefix + "POSTGRESQL_PASSWORD equals the demo value published in the repository",
            prefix + "OIDC_CLIENT_SECRET equals the demo value published in the repository",
            prefix
                + "POSTGRESQL_MIGRATION_PASSWORD equals the demo value published in the repository",
            prefix + "KEYCLOAK_ADMIN_CLIENT_SECRET is not set",
            prefix + "PAYMENT_PROVIDER_SECRET equals the demo value published in the repository",
            prefix + "RATHAUS_KEYSTORE_PASSWORD equals the demo value published in the repository",
            prefix + "RATHAUS_AUDIT_ANCHOR_KEY is not set",
            prefix
                + "PORTAL_BASE_URL is not an https:// address: http://localhost:"
                + (8080 + OFFSET),
            prefix + "CLAMD_HOST is not set",
            prefix + "RATHAUS_DEMO_DATA=true",
            prefix
                + "Keycloak realm contains demo users with published passwords: ben.sachbearbeiter, berta.admin, paula.plattform",
            prefix + "Keycloak accepts the published demo secret of client rathaus-admin",
            prefix + "Keycloak accepts the published demo secret of client rathaus-portal",
            prefix
                + "SMTP_HOST points to smtp.sendgrid.net, outside the residency policy"
                + " RATHAUS_RESIDENCY_HOSTS=*.rathaus-cloud.example,10.0.0.0/8",
            prefix
                + "PAYMENT_PROVIDER_URL points to api.stripe.com, outside the residency policy"
                + " RATHAUS_RESIDENCY_HOSTS=*.rathaus-cloud.example,10.0.0.0/8");
    assertThat(log).contains("Production mode refuses to start: 15 unsafe setting(s)");
  }

  @Test
  void refusesBeforeTouchingTheDatabase() {
    assertThat(log).doesNotContain("Database schema at version", "Demo catalogue");
  }

  @Test
  void servesNoPageAndReportsNotReady() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + OFFSET) + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(404);
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + (9990 + OFFSET) + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"status\":\"DOWN\"");
  }

  private static void copyRecursively(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : (Iterable<Path>) walk::iterator) {
        String relative = source.relativize(from).toString();
        if (relative.startsWith("standalone/log")
            || relative.startsWith("standalone/data")
            || relative.startsWith("standalone/tmp")) {
          continue; // the provisioning run's log and state, not part of a fresh installation
        }
        Path to = target.resolve(relative);
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
