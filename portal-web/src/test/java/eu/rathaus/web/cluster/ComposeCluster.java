package eu.rathaus.web.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * The compose stack of {@code docker/compose.yaml} as {@code docker/test-cluster.sh} starts it with
 * podman: the images, two portal containers, HAProxy, PostgreSQL, Keycloak, clamd and the mail
 * catcher in containers; this test only drives the browser, kills a container and reads the
 * database through a port the test's compose override publishes.
 */
final class ComposeCluster implements PortalCluster {

  private final String url = System.getProperty("rathaus.cluster.url");
  private final String jdbc = System.getProperty("rathaus.cluster.jdbc");
  private final Path passwordFile =
      Path.of(System.getProperty("rathaus.cluster.postgres-password-file"));
  private final String project = System.getProperty("rathaus.cluster.project", "rathaus");

  static boolean configured() {
    return System.getProperty("rathaus.cluster.url") != null;
  }

  @Override
  public String portalUrl() {
    return url;
  }

  @Override
  public void kill(String node) throws Exception {
    podman("kill", "--signal", "KILL", container(node));
  }

  @Override
  public Connection superuser() throws Exception {
    // The driver directly, not DriverManager: the test class path also holds OpenTelemetry's JDBC
    // driver (provided for the server), whose failing service entry makes DriverManager skip the
    // drivers listed after it when no local stack has loaded PostgreSQL's driver before.
    java.util.Properties credentials = new java.util.Properties();
    credentials.setProperty("user", "postgres");
    credentials.setProperty(
        "password", Files.readString(passwordFile, StandardCharsets.UTF_8).trim());
    return new org.postgresql.Driver().connect(jdbc, credentials);
  }

  /** The demo catalogue (RATHAUS_DEMO_DATA=true in the compose test) publishes it at start-up. */
  @Override
  public String meldebescheinigung() {
    return "demo.meldebescheinigung";
  }

  /** The local mail catcher prints every mail to its container log. */
  @Override
  public boolean mailArrived(String to, String marker, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      String log = podman("logs", container("mail"));
      if (log.contains(marker) && log.contains(to)) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  private String container(String service) {
    return project + "_" + service + "_1";
  }

  private static String podman(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("podman", "--runtime", "runc"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  @Override
  public void close() {
    // docker/test-cluster.sh stops the stack.
  }
}
