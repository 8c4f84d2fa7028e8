package eu.rathaus.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky binaries) whose data survives restarts, set up with the roles the
 * portal expects.
 *
 * <p>Deliberately closer to production than zonky's test defaults: {@code fsync} and {@code
 * synchronous_commit} are on (the portal promises that an acknowledged submission is never lost,
 * and benchmarks must measure the real cost), it listens on 127.0.0.1 only, and only the local
 * superuser {@code postgres} may connect without a password; the application roles need their
 * passwords, as they will in production.
 *
 * <p>Roles: {@code rathaus_owner} owns the database {@code rathaus} and runs the migrations; {@code
 * rathaus} is the runtime role without superuser or BYPASSRLS so row-level security really applies
 * to it (its table grants come from the migrations); {@code keycloak} owns the database {@code
 * keycloak}.
 */
public final class LocalPostgres implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
  private static final String PG_HBA =
      String.join(
          "\n",
          "# Written by the Rathaus launcher on every start; edits here are overwritten.",
          "# Only the local superuser is trusted (the launcher administers the roles through it);",
          "# the application roles authenticate with their passwords, as in production.",
          "local all postgres trust",
          "host  all postgres 127.0.0.1/32 trust",
          "local all all scram-sha-256",
          "host  all all 127.0.0.1/32 scram-sha-256",
          "");

  private final StackConfig config;
  private final EmbeddedPostgres postgres;

  private LocalPostgres(StackConfig config, EmbeddedPostgres postgres) {
    this.config = config;
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL in {@code <data>/postgres} (created on first use, reused afterwards) and
   * makes sure roles and databases exist. Safe to call on a data folder left behind by a launcher
   * that was killed.
   */
  public static LocalPostgres start(StackConfig config) {
    Path dataDir = dataDirectory(config);
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(config.logDir());
      reclaimStalePostmaster(dataDir);
      File log = config.logDir().resolve("postgres.log").toFile();
      // The Unix socket goes into the data folder, not /tmp: two stacks on one machine (separate
      // network namespaces, same port) would otherwise fight over /tmp/.s.PGSQL.<port>.lock. The
      // launcher and the portal connect over TCP; a path too long for a socket turns it off.
      Path sockets = Files.createDirectories(config.dataDir().resolve("run")).toAbsolutePath();
      String socketDir = sockets.toString().length() <= 90 ? sockets.toString() : "";
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPort(config.postgresPort())
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("unix_socket_directories", socketDir)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setPGStartupWait(Duration.ofSeconds(60))
              .setDataDirectoryCustomizer(dir -> writePgHba(dir.toPath()))
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
              .start();
      LocalPostgres local = new LocalPostgres(config, postgres);
      try {
        local.provision();
      } catch (SQLException | RuntimeException e) {
        local.stop();
        throw e;
      }
      return local;
    } catch (IOException | SQLException e) {
      throw new StackException(
          "PostgreSQL konnte nicht gestartet werden / could not be started: "
              + rootMessage(e)
              + ". Log: "
              + config.logDir().resolve("postgres.log"),
          e);
    }
  }

  /** The folder PostgreSQL keeps its cluster in. */
  public static Path dataDirectory(StackConfig config) {
    return config.dataDir().resolve("postgres");
  }

  private static void writePgHba(Path dir) {
    try {
      Files.writeString(dir.resolve("pg_hba.conf"), PG_HBA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A {@code postmaster.pid} survives a killed launcher. If its process is gone the file is just
   * removed (PostgreSQL would otherwise refuse to start); if an orphaned postmaster for this very
   * folder still runs, it is shut down with a fast shutdown (SIGINT), which is crash-safe and does
   * not wait for clients that died with the launcher.
   */
  static void reclaimStalePostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    long pid;
    try {
      pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      pid = -1;
    }
    Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
    if (process.isEmpty() || !process.get().isAlive()) {
      LOG.info(
          "Entferne veraltete postmaster.pid / removing stale postmaster.pid (pid {} is gone)",
          pid);
      Files.deleteIfExists(pidFile);
      return;
    }
    boolean ours =
        process.get().info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false)
            && process
                .get()
                .info()
                .commandLine()
                .map(line -> line.contains(dataDir.toString()))
                .orElse(true);
    if (!ours) {
      // A live process that is not our postmaster: the pid was recycled, so the file is stale.
      Files.deleteIfExists(pidFile);
      return;
    }
    LOG.info("Beende verwaisten PostgreSQL-Prozess / stopping orphaned PostgreSQL (pid {})", pid);
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Unterbrochen / interrupted", e);
    } catch (Exception e) {
      throw new StackException(
          "Ein alter PostgreSQL-Prozess (pid "
              + pid
              + ") läuft noch / an old PostgreSQL"
              + " process is still running on "
              + dataDir
              + ".",
          e);
    }
  }

  private void provision() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      ensureRole(c, config.ownerUser(), config.ownerPassword(), "LOGIN NOSUPERUSER NOCREATEROLE");
      ensureRole(
          c,
          config.appUser(),
          config.appPassword(),
          "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
      ensureRole(
          c,
          config.keycloakDbUser(),
          config.keycloakDbPassword(),
          "LOGIN NOSUPERUSER NOCREATEROLE");
      ensureDatabase(c, StackConfig.APP_DATABASE, config.ownerUser());
      ensureDatabase(c, StackConfig.KEYCLOAK_DATABASE, config.keycloakDbUser());
      // Nobody but the intended roles may even connect: keeps Keycloak and the portal apart.
      s.execute(
          "REVOKE CONNECT, TEMPORARY ON DATABASE " + StackConfig.APP_DATABASE + " FROM PUBLIC");
      s.execute(
          "REVOKE CONNECT, TEMPORARY ON DATABASE "
              + StackConfig.KEYCLOAK_DATABASE
              + " FROM PUBLIC");
      s.execute(
          "GRANT CONNECT ON DATABASE " + StackConfig.APP_DATABASE + " TO " + config.appUser());
    }
    try (Connection c = postgres.getDatabase("postgres", StackConfig.APP_DATABASE).getConnection();
        Statement s = c.createStatement()) {
      s.execute("GRANT USAGE ON SCHEMA public TO " + config.appUser());
      s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }
  }

  /**
   * Creates the role or, if it exists, resets its attributes and password, so a data folder from an
   * older launcher version converges to what this version expects.
   */
  private static void ensureRole(Connection c, String role, String password, String attributes)
      throws SQLException {
    boolean exists;
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    try (Statement s = c.createStatement()) {
      String verb = exists ? "ALTER" : "CREATE";
      s.execute(
          verb + " ROLE " + identifier(role) + " " + attributes + " PASSWORD " + literal(password));
    }
  }

  private static void ensureDatabase(Connection c, String database, String owner)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE "
              + identifier(database)
              + " OWNER "
              + identifier(owner)
              + " ENCODING 'UTF8' TEMPLATE template0");
    }
    LOG.info("Datenbank {} angelegt / database created", database);
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  public StackConfig config() {
    return config;
  }

  public int port() {
    return postgres.getPort();
  }

  /** JDBC URL of the application database {@code rathaus}. */
  public String jdbcUrl() {
    return config.jdbcUrl();
  }

  /**
   * A data source for the given database and role (password authentication, as the portal does).
   */
  public DataSource dataSource(String database, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port()});
    ds.setDatabaseName(database);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  /** The application database as the runtime role {@code rathaus}. */
  public DataSource appDataSource() {
    return dataSource(StackConfig.APP_DATABASE, config.appUser(), config.appPassword());
  }

  /** The application database as the owner role, which runs the migrations. */
  public DataSource ownerDataSource() {
    return dataSource(StackConfig.APP_DATABASE, config.ownerUser(), config.ownerPassword());
  }

  /** The given database as superuser {@code postgres}; for tests and administration only. */
  public DataSource superuserDataSource(String database) {
    return postgres.getDatabase("postgres", database);
  }

  /** Clean shutdown ({@code pg_ctl stop -m fast}); the data stays for the next start. */
  public void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new StackException(
          "PostgreSQL ließ sich nicht sauber stoppen / did not stop cleanly", e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
