package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as {@code ./rathaus up} runs it: durable settings, safe roles, data kept
 * across restarts.
 */
class LocalStackIT {

  @TempDir Path dataDir;

  /**
   * Test ports, but PostgreSQL on a free port: the portal-web ITs use {@link StackConfig#forTests}
   * ports too, and a developer may run both builds at once on one machine.
   */
  private StackConfig config() {
    StackConfig tests = StackConfig.forTests(Path.of("").toAbsolutePath().getParent(), dataDir);
    return StackConfig.fromEnvironment(
        tests.projectDir(),
        Map.of(
            "RATHAUS_DATA_DIR", dataDir.toString(),
            "RATHAUS_POSTGRES_PORT", Integer.toString(Ports.freePort())));
  }

  @Test
  void postgresIsDurableHasSafeRolesAndKeepsData() throws Exception {
    StackConfig config = config();

    try (LocalPostgres postgres = LocalPostgres.start(config)) {
      try (Connection c = postgres.superuserDataSource("rathaus").getConnection();
          Statement s = c.createStatement()) {
        assertThat(single(s, "SHOW fsync")).isEqualTo("on");
        assertThat(single(s, "SHOW synchronous_commit")).isEqualTo("on");
        assertThat(single(s, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(
                single(
                    s,
                    "SELECT rolsuper::text || ',' || rolbypassrls::text FROM pg_roles"
                        + " WHERE rolname = 'rathaus'"))
            .isEqualTo("false,false");
        assertThat(
                single(
                    s, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'rathaus'"))
            .isEqualTo("rathaus_owner");
        assertThat(
                single(
                    s,
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'keycloak'"))
            .isEqualTo("keycloak");
      }
      try (Connection c = postgres.ownerDataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (v text)");
        s.execute("INSERT INTO kept VALUES ('still here')");
        s.execute("GRANT SELECT ON kept TO rathaus");
      }
      try (Connection c = postgres.appDataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThat(single(s, "SELECT v FROM kept")).isEqualTo("still here");
        assertThatThrownBy(() -> s.execute("CREATE TABLE sneaky (v text)"))
            .isInstanceOf(SQLException.class);
      }
      assertThatThrownBy(() -> postgres.dataSource("rathaus", "rathaus", "wrong").getConnection())
          .isInstanceOf(SQLException.class);
    }

    assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isFalse();

    try (LocalPostgres postgres = LocalPostgres.start(config)) {
      try (Connection c = postgres.appDataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThat(single(s, "SELECT v FROM kept")).isEqualTo("still here");
      }
    }
  }

  @Test
  void stalePidFileOfADeadProcessIsRemoved() throws Exception {
    StackConfig config = config();
    try (LocalPostgres postgres = LocalPostgres.start(config)) {
      // initialise the cluster once
    }
    Path pidFile = dataDir.resolve("postgres/postmaster.pid");
    Files.writeString(pidFile, "999999\n" + dataDir.resolve("postgres") + "\n");

    try (LocalPostgres postgres = LocalPostgres.start(config)) {
      try (Connection c = postgres.appDataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThat(single(s, "SELECT 1")).isEqualTo("1");
      }
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
