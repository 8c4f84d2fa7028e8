package eu.rathaus.web.cluster;

import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.launcher.StackConfig;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.Jdbc;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Two portal nodes of the provisioned WildFly (plain processes, each its own copy of {@code
 * target/server}) behind Debian's HAProxy, on the test stack's PostgreSQL, Keycloak, mail catcher,
 * clamd and payment sandbox. HAProxy takes the portal's test address (port 18080), so the Keycloak
 * client's redirect URIs fit unchanged. The nodes find each other by JGroups TCPPING (the static
 * peers of {@code configure-server.cli}) and share sessions in Infinispan.
 */
final class LocalCluster implements PortalCluster {

  /**
   * One WildFly: its port offset decides HTTP (8080+), management (9990+) and JGroups TCP (7600+).
   */
  record Node(String name, int offset, Path home, Process process) {
    int httpPort() {
      return 8080 + offset;
    }

    int managementPort() {
      return 9990 + offset;
    }

    Path serverLog() {
      return home.resolve("standalone/log/server.log");
    }
  }

  static final int[] OFFSETS = {1000, 1100};
  // Generous: two servers deploy at once, on a shared CI machine of 2 cores.
  private static final Duration START_TIMEOUT = Duration.ofMinutes(15);
  private static final Pattern SESSION_CACHE_MEMBERS =
      Pattern.compile("Context=rathaus\\.war\\].*Finished rebalance with members \\[([^\\]]*)\\]");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final StackConfig config;
  private final Path dir;
  private final List<Node> nodes = new ArrayList<>();
  private Process haproxy;

  LocalCluster(StackConfig config, Path dir) {
    this.config = config;
    this.dir = dir;
  }

  /**
   * Starts both nodes at once (so they also race for Flyway's lock), waits until both are ready and
   * clustered.
   */
  void start() throws Exception {
    Files.createDirectories(dir);
    for (int i = 0; i < OFFSETS.length; i++) {
      nodes.add(startNode("node" + (i + 1), OFFSETS[i]));
    }
    for (Node node : nodes) {
      awaitReady(node);
    }
    for (Node node : nodes) {
      awaitClusterView(node, nodes.size());
    }
    haproxy = startHaproxy();
  }

  List<Node> nodes() {
    return nodes;
  }

  Node node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  private Node startNode(String name, int offset) throws IOException {
    Path home = dir.resolve(name);
    LocalWildFly.synchronise(config.provisionedServer(), home);
    Path deployments = Files.createDirectories(home.resolve("standalone/deployments"));
    try (var markers = Files.list(deployments)) {
      for (Path marker :
          markers.filter(p -> p.getFileName().toString().startsWith("rathaus.war.")).toList()) {
        Files.delete(marker);
      }
    }
    Files.copy(
        config.portalWar(),
        deployments.resolve("rathaus.war"),
        StandardCopyOption.REPLACE_EXISTING);
    // awaitClusterView reads this run's log only.
    Files.deleteIfExists(home.resolve("standalone/log/server.log"));
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "-Djboss.node.name=" + name,
                "-Djboss.tx.node.id=" + name,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.bind.address.private=127.0.0.1",
                // Two servers booting at once on a loaded 2-core machine exceed the default 300 s.
                "-Djboss.as.management.blocking.timeout=1200")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + "-console.log").toFile());
    Map<String, String> env = builder.environment();
    env.putAll(LocalWildFly.environment(config));
    // The launcher gives a single node its own JGroups ports (JGROUPS_PORT 17600, FD 17700 for the
    // test stack); here the port offset separates the nodes, so back to the base ports (7600, FD
    // 57600): with 17600/17700, node 1's FD port (17700 + 1000) was node 2's TCP port (17600 +
    // 1100).
    env.put("JGROUPS_PORT", "7600");
    env.put("JGROUPS_FD_PORT", "57600");
    env.put("JGROUPS_PEER_1_PORT", Integer.toString(7600 + OFFSETS[0]));
    env.put("JGROUPS_PEER_2_PORT", Integer.toString(7600 + OFFSETS[1]));
    return new Node(name, offset, home, builder.start());
  }

  private void awaitReady(Node node) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Path failed = node.home().resolve("standalone/deployments/rathaus.war.failed");
    while (System.nanoTime() < deadline) {
      if (!node.process().isAlive() || Files.exists(failed)) {
        throw new IllegalStateException(node.name() + " did not start, see " + node.serverLog());
      }
      if (status("http://127.0.0.1:" + node.managementPort() + "/health/ready") == 200
          && status("http://127.0.0.1:" + node.httpPort() + "/") == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        node.name() + " not ready after " + START_TIMEOUT + ", see " + node.serverLog());
  }

  /**
   * Infinispan logs each rebalance of the deployment's session cache with its members; waits until
   * one lists {@code members} nodes, i.e. every session has its second owner.
   */
  private static void awaitClusterView(Node node, int members) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(node.serverLog())
          && Files.readAllLines(node.serverLog(), StandardCharsets.UTF_8).stream()
              .map(SESSION_CACHE_MEMBERS::matcher)
              .anyMatch(m -> m.find() && m.group(1).split(",").length == members)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        node.name() + " never saw a cluster of " + members + ", see " + node.serverLog());
  }

  /**
   * HAProxy as a production setup would run it: sticky by its own cookie, health checks on the
   * nodes' readiness endpoint every 500 ms, a dead node's requests re-dispatched to the other.
   */
  private Process startHaproxy() throws Exception {
    StringBuilder cfg =
        new StringBuilder(
            """
        global
          maxconn 200
        defaults
          mode http
          timeout connect 1s
          timeout client 60s
          timeout server 60s
          retries 2
          option redispatch
        frontend portal
          bind 127.0.0.1:%d
          default_backend nodes
        backend nodes
          balance roundrobin
          cookie RATHAUS_NODE insert indirect nocache httponly
          option httpchk GET /health/ready
          http-check expect status 200
        """
                .formatted(config.portalPort()));
    for (Node node : nodes) {
      cfg.append("  server ")
          .append(node.name())
          .append(" 127.0.0.1:")
          .append(node.httpPort())
          .append(" cookie ")
          .append(node.name())
          .append(" check port ")
          .append(node.managementPort())
          .append(" inter 500ms fall 2 rise 2\n");
    }
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, cfg.toString());
    Process process =
        new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("HAProxy exited, see " + dir.resolve("haproxy.log"));
      }
      if (status("http://127.0.0.1:" + config.portalPort() + "/") == 200) {
        return process;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("HAProxy does not answer on " + config.portalPort());
  }

  @Override
  public String portalUrl() {
    return config.portalBaseUrl();
  }

  @Override
  public Connection superuser() throws SQLException {
    return Jdbc.superuser();
  }

  @Override
  public String meldebescheinigung() throws Exception {
    return ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
  }

  @Override
  public boolean mailArrived(String to, String marker, long millis) throws InterruptedException {
    return ItMail.awaitTextTo(to, marker, millis) != null;
  }

  /** The node's JVM and the shell script that started it, with SIGKILL. */
  @Override
  public void kill(String name) throws InterruptedException {
    Node node = node(name);
    for (ProcessHandle child : node.process().descendants().toList()) {
      child.destroyForcibly();
    }
    node.process().destroyForcibly().waitFor();
  }

  static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (haproxy != null) {
      haproxy.destroy();
      haproxy.waitFor();
    }
    for (Node node : nodes) {
      if (node.process().isAlive()) {
        for (ProcessHandle child : node.process().descendants().toList()) {
          child.destroy();
        }
        node.process().destroy();
        node.process().waitFor();
      }
    }
  }
}
