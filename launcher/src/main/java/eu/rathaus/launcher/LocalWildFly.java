package eu.rathaus.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioned WildFly with the portal WAR, run from a copy in the data folder.
 *
 * <p>Why a copy: the build's {@code portal-web/target/server} must stay free of deployments
 * (Arquillian deploys into it and fails on a duplicate), and a running server rewrites its
 * configuration. The copy is synchronised on every start by size and modification time, so a
 * rebuilt server or WAR is picked up without copying 150 MB each time; only {@code
 * standalone/data}, {@code log} and {@code tmp} are kept between runs.
 */
public final class LocalWildFly implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalWildFly.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  /** Folders of the copy that belong to the running server, not to the build. */
  private static final Set<String> KEPT =
      Set.of(
          "standalone/data",
          "standalone/log",
          "standalone/tmp",
          "standalone/deployments",
          "standalone/configuration/standalone_xml_history");

  private static final String WAR_NAME = "rathaus.war";

  /**
   * Further JVM options for WildFly from the launcher's environment, e.g. {@code
   * -XX:NativeMemoryTracking=summary} (the portal benchmark's memory breakdown, issue 16).
   */
  static final String EXTRA_JAVA_OPTS = "RATHAUS_WILDFLY_JAVA_OPTS";

  private final StackConfig config;
  private final ManagedProcess process;

  private LocalWildFly(StackConfig config, ManagedProcess process) {
    this.config = config;
    this.process = process;
  }

  /** Synchronises the server copy, deploys the WAR and waits until the portal answers. */
  public static LocalWildFly start(StackConfig config) {
    return start(config, config.portalWar());
  }

  /**
   * As {@link #start(StackConfig)}, with another build of the portal WAR (the start-time benchmark
   * compares two builds on the same server in one run).
   */
  public static LocalWildFly start(StackConfig config, Path war) {
    return start(config, war, config.classDataSharing());
  }

  /**
   * As {@link #start(StackConfig, Path)}, with the class-data archive ({@link ClassDataArchive}) on
   * or off for this start only (the start-time benchmark compares both in one run).
   */
  public static LocalWildFly start(StackConfig config, Path war, boolean classDataSharing) {
    Path source = config.provisionedServer();
    if (!Files.isRegularFile(source.resolve("bin/standalone.sh")) || !Files.isRegularFile(war)) {
      throw new StackException(
          "WildFly oder WAR fehlt / provisioned server or WAR missing ("
              + source
              + ", "
              + war
              + ") – run ./mvnw install -DskipTests first.");
    }
    Path home = home(config);
    ManagedProcess.reclaimOrphan("WildFly", pidFile(config), home.toString());
    long started = System.nanoTime();
    try {
      int copied = synchronise(source, home);
      applyLogFormat(config, home);
      deployByScanner(home, war);
      LOG.debug(
          "WildFly copy synchronised ({} files) in {} s", copied, LocalKeycloak.seconds(started));
    } catch (IOException e) {
      throw new StackException(
          "WildFly konnte nicht vorbereitet werden / could not be prepared: " + e.getMessage(), e);
    }
    List<String> command =
        List.of(
            home.resolve("bin/standalone.sh").toString(),
            "-Djboss.http.port=" + config.portalPort(),
            "-Djboss.https.port=" + httpsPort(config),
            "-Djboss.management.http.port=" + config.managementPort(),
            "-Djboss.management.https.port=" + (config.managementPort() + 3),
            "-Djboss.bind.address=127.0.0.1",
            "-Djboss.bind.address.management=127.0.0.1");
    Optional<ClassDataArchive> archive =
        classDataSharing ? Optional.of(ClassDataArchive.of(config, home)) : Optional.empty();
    Map<String, String> env = environment(config);
    String extra = System.getenv().getOrDefault(EXTRA_JAVA_OPTS, "").strip();
    String prepend = (archive.map(ClassDataArchive::javaOptions).orElse("") + " " + extra).strip();
    if (!prepend.isEmpty()) {
      env.put("PREPEND_JAVA_OPTS", prepend);
    }
    boolean dumpWhenReady = archive.isPresent() && !archive.get().exists();
    ManagedProcess process =
        ManagedProcess.start("WildFly", command, home, env, logFile(config), pidFile(config));
    LocalWildFly wildFly = new LocalWildFly(config, process);
    try {
      awaitReady(config, process, home);
    } catch (RuntimeException e) {
      wildFly.stop();
      throw e;
    }
    if (dumpWhenReady) {
      archive.get().dumpFrom(process.handle());
    }
    return wildFly;
  }

  /**
   * The HTTPS listener of the default configuration would take 8443 in every instance; deriving it
   * from the portal port keeps {@code up} (8443) and the tests (18443) apart without another
   * variable.
   */
  static int httpsPort(StackConfig config) {
    return config.portalPort() + 363;
  }

  /** Everything the portal reads from its environment (see the README's configuration table). */
  public static Map<String, String> environment(StackConfig config) {
    Map<String, String> env = new HashMap<>();
    env.put("POSTGRESQL_URL", config.jdbcUrl());
    env.put("POSTGRESQL_USER", config.appUser());
    env.put("POSTGRESQL_PASSWORD", config.appPassword());
    env.put("POSTGRESQL_MIGRATION_USER", config.ownerUser());
    env.put("POSTGRESQL_MIGRATION_PASSWORD", config.ownerPassword());
    env.put("OIDC_PROVIDER_URL", config.oidcProviderUrl());
    env.put("OIDC_CLIENT_ID", config.oidcClientId());
    env.put("OIDC_CLIENT_SECRET", config.oidcClientSecret());
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(config.smtpPort()));
    env.put("PORTAL_BASE_URL", config.portalBaseUrl());
    env.put("PAYMENT_PROVIDER_URL", "http://127.0.0.1:" + config.paymentSandboxPort());
    env.put("PAYMENT_PROVIDER_PAGE_URL", config.paymentSandboxUrl());
    env.put("PAYMENT_PROVIDER_SECRET", config.paymentSecret());
    env.put("PAYMENT_NOTIFY_BASE_URL", config.portalBaseUrl());
    env.put("RATHAUS_KEYSTORE", config.keystorePath().toString());
    env.put("RATHAUS_KEYSTORE_PASSWORD", config.keystorePassword());
    // Every component of the local stack listens on this machine: the residency policy allows
    // nothing else (loopback is always inside), so the platform admin's residency page shows a
    // policy in the demo too.
    env.put("RATHAUS_RESIDENCY_HOSTS", "localhost");
    env.put("RATHAUS_RESIDENCY_REGION", "Demo: nur dieser Rechner");
    // The platform admin's portability page (issue 15) exports and imports as the database's
    // superuser, as ./rathaus export-municipality does (the embedded server trusts it locally);
    // with an external database the operator sets RATHAUS_PORTABILITY_DB_USER / _PASSWORD.
    if (!config.externalDatabase()) {
      env.put("RATHAUS_PORTABILITY_DB_USER", "postgres");
      env.put("RATHAUS_PORTABILITY_DB_PASSWORD", "postgres");
    }
    env.put("RATHAUS_PORTABILITY_DIR", config.dataDir().resolve("portability").toString());
    if (LocalClamd.available()) {
      // The stack runs clamd whenever the binary exists; without it the portal warns and marks
      // uploads unscanned.
      env.put("CLAMD_HOST", "127.0.0.1");
      env.put("CLAMD_PORT", Integer.toString(config.clamdPort()));
    }
    // Local runs and browser tests show the demo catalogue; RATHAUS_DEMO_DATA=false in the shell
    // turns it off.
    env.put("RATHAUS_DEMO_DATA", System.getenv().getOrDefault("RATHAUS_DEMO_DATA", "true"));
    // A single node: its own JGroups ports (8080 -> 7600/7700, tests 18080 -> 17600/17700) and
    // itself as the only
    // peer, so ./rathaus up, the browser tests' node and the Arquillian node on one machine never
    // form a cluster.
    int jgroups = config.portalPort() - 480;
    env.put("JGROUPS_PORT", Integer.toString(jgroups));
    env.put("JGROUPS_FD_PORT", Integer.toString(jgroups + 100));
    env.put("JGROUPS_PEER_1_HOST", "127.0.0.1");
    env.put("JGROUPS_PEER_1_PORT", Integer.toString(jgroups));
    env.put("JGROUPS_PEER_2_HOST", "127.0.0.1");
    env.put("JGROUPS_PEER_2_PORT", Integer.toString(jgroups));
    // Nobody else to wait for: found the one-node cluster at once (JGroups waits 2 s by default).
    env.put("JGROUPS_JOIN_TIMEOUT", "100");
    // The launcher is the demo: published local secrets and demo users are allowed only in this
    // mode.
    env.put("RATHAUS_MODE", "demo");
    if (config.otlpEndpoint() != null) {
      // Traces (issue 12): the portal exports to the endpoint, and its datasource runs on
      // OpenTelemetry's JDBC driver (configure-server.cli), as the container entry point does it.
      env.put(StackConfig.OTLP_ENDPOINT_VARIABLE, config.otlpEndpoint());
      env.put("RATHAUS_DATASOURCE_DRIVER", "postgresql-otel");
      env.put("RATHAUS_DATASOURCE_URL", tracedJdbcUrl(config.jdbcUrl()));
    }
    // standalone.sh then runs the JVM in the background and forwards SIGTERM to it, so stop() is
    // graceful.
    env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    // Memory (issue 16, P4): standalone.conf puts JBOSS_JAVA_SIZING first on the JVM's command line
    // (unless the shell sets JAVA_OPTS, which replaces all of it); glibc reads MALLOC_ARENA_MAX.
    env.put("JBOSS_JAVA_SIZING", String.join(" ", MEMORY_OPTIONS));
    env.put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
    return env;
  }

  /**
   * The WildFly JVM's memory switches (issue 16, P4: RSS at the end of the P1 load ≤ 1 GiB). The
   * same decisions are in the portal image ({@code docker/portal/Containerfile}); the reasons, with
   * the measurement, in {@code benchmarks/README.md}.
   */
  static final List<String> MEMORY_OPTIONS =
      List.of(
          // 135 MiB live after the P1 load (139 after P3): 384 MiB leave G1 2.8 times that, and
          // under load G1 grows the heap to its maximum, so the maximum is what RSS pays.
          "-Xms64m",
          "-Xmx384m",
          // Hand idle heap back: a concurrent cycle after 60 s without a collection, which
          // uncommits what the load made G1 take.
          "-XX:G1PeriodicGCInterval=60000",
          // Give malloc'ed memory that is free again back to the OS every 10 s (glibc keeps it).
          "-XX:TrimNativeHeapInterval=10000");

  /**
   * glibc's malloc arenas: by default up to 8 per core, each growing by 64 MiB and rarely given
   * back; the JVM allocates little with malloc outside of its own arenas, so two are enough.
   */
  static final String MALLOC_ARENAS = "2";

  /**
   * {@code jdbc:postgresql://…} as the OpenTelemetry JDBC driver takes it: {@code
   * jdbc:otel:postgresql://…}.
   */
  static String tracedJdbcUrl(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("Not a JDBC URL: " + jdbcUrl);
    }
    return "jdbc:otel:" + jdbcUrl.substring("jdbc:".length());
  }

  /**
   * {@code RATHAUS_LOG_FORMAT=json}: the console handler of the copy uses the provisioned JSON
   * formatter (one object per line, with the MDC), as the container entry point does it. The next
   * synchronisation restores the plain configuration when the format is text again.
   */
  static void applyLogFormat(StackConfig config, Path home) throws IOException {
    if (!config.jsonLogs()) {
      return;
    }
    Path xml = home.resolve("standalone/configuration/standalone.xml");
    String text = Files.readString(xml);
    Files.writeString(
        xml,
        text.replace(
            "<named-formatter name=\"COLOR-PATTERN\"/>", "<named-formatter name=\"JSON\"/>"));
  }

  public static Path home(StackConfig config) {
    return config.dataDir().resolve("wildfly");
  }

  public static Path logFile(StackConfig config) {
    return config.logDir().resolve("wildfly-console.log");
  }

  static Path pidFile(StackConfig config) {
    return config.dataDir().resolve("run/wildfly.pid");
  }

  public static String healthUrl(StackConfig config) {
    return "http://127.0.0.1:" + config.managementPort() + "/health/ready";
  }

  private static void awaitReady(StackConfig config, ManagedProcess process, Path home) {
    Path failed = home.resolve("standalone/deployments/" + WAR_NAME + ".failed");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new StackException(
            "WildFly hat sich beendet / exited during start-up. Log: " + process.logFile());
      }
      if (Files.exists(failed)) {
        throw new StackException(
            "Das Deployment von rathaus.war ist fehlgeschlagen / deployment failed. Log: "
                + home.resolve("standalone/log/server.log"));
      }
      int health = ManagedProcess.status(healthUrl(config));
      if (health == 200 && portalAnswers(config)) {
        return;
      }
      ManagedProcess.sleep(500);
    }
    throw new StackException(
        "WildFly ist nach "
            + START_TIMEOUT.toSeconds()
            + " s nicht bereit / not ready. Log: "
            + home.resolve("standalone/log/server.log"));
  }

  private static boolean portalAnswers(StackConfig config) {
    int status = ManagedProcess.status("http://localhost:" + config.portalPort() + "/");
    return status == 200 || status == 301 || status == 302 || status == 303 || status == 307;
  }

  /**
   * The deployment scanner deploys zipped archives at boot. Old markers are removed so a WAR that
   * failed last time is tried again, and the WAR is only rewritten when it changed.
   */
  private static void deployByScanner(Path home, Path war) throws IOException {
    Path deployments = home.resolve("standalone/deployments");
    Files.createDirectories(deployments);
    try (Stream<Path> files = Files.list(deployments)) {
      for (Path marker :
          (Iterable<Path>)
              files.filter(p -> p.getFileName().toString().startsWith(WAR_NAME + "."))::iterator) {
        Files.deleteIfExists(marker);
      }
    }
    copyIfChanged(war, deployments.resolve(WAR_NAME));
  }

  /**
   * Makes {@code target} mirror {@code source} except the kept folders; returns the number of files
   * copied.
   */
  public static int synchronise(Path source, Path target) throws IOException {
    Files.createDirectories(target);
    int copied = 0;
    Set<Path> wanted = new HashSet<>();
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : (Iterable<Path>) walk::iterator) {
        Path relative = source.relativize(from);
        if (isKept(relative)) {
          continue;
        }
        Path to = target.resolve(relative.toString());
        wanted.add(to);
        if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(to);
        } else if (copyIfChanged(from, to)) {
          copied++;
        }
      }
    }
    try (Stream<Path> walk = Files.walk(target)) {
      List<Path> extra =
          walk.filter(p -> !p.equals(target))
              .filter(p -> !isKept(target.relativize(p)))
              .filter(p -> !wanted.contains(p))
              .sorted((a, b) -> b.getNameCount() - a.getNameCount())
              .toList();
      for (Path p : extra) {
        LocalKeycloak.deleteRecursively(p);
      }
    }
    return copied;
  }

  private static boolean isKept(Path relative) {
    String path = relative.toString().replace('\\', '/');
    for (String kept : KEPT) {
      if (path.equals(kept) || path.startsWith(kept + "/")) {
        return true;
      }
    }
    return false;
  }

  private static boolean copyIfChanged(Path from, Path to) throws IOException {
    if (Files.isRegularFile(to)
        && Files.size(to) == Files.size(from)
        && Files.getLastModifiedTime(to).equals(Files.getLastModifiedTime(from))) {
      return false;
    }
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    FileTime time = Files.getLastModifiedTime(from);
    Files.setLastModifiedTime(to, time);
    return true;
  }

  public StackConfig config() {
    return config;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Graceful stop (SIGTERM → WildFly's orderly shutdown, 30 s), then forced. */
  public void stop() {
    process.stop(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    stop();
  }
}
