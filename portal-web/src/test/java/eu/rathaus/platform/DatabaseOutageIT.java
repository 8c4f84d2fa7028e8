package eu.rathaus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.Jdbc;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness follows the database: DOWN while the portal's database is gone (pages answer with the
 * friendly error page, no stack trace), UP again by itself once it is back, without restarting the
 * server.
 *
 * <p>The outage is made on the server side, as a restart would: every connection of the portal's
 * database is terminated and new ones are refused. Keycloak's database on the same PostgreSQL stays
 * up, so the tests that follow still have a working identity provider.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

  private static final String READY = "http://127.0.0.1:10290/health/ready";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int awaitReadiness(int expected) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    int status;
    do {
      status = get(READY).statusCode();
      if (status == expected) {
        return status;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    return status;
  }

  private static void setPortalDatabaseReachable(boolean reachable) throws Exception {
    try (Connection c = Jdbc.superuserMaintenance();
        Statement s = c.createStatement()) {
      s.execute("alter database rathaus allow_connections " + reachable);
      if (!reachable) {
        s.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'rathaus' and pid <> pg_backend_pid()");
      }
    }
  }

  @Test
  void readinessGoesDownWithTheDatabaseAndRecoversByItself() throws Exception {
    assertThat(awaitReadiness(200)).isEqualTo(200);
    setPortalDatabaseReachable(false);
    try {
      assertThat(awaitReadiness(503)).isEqualTo(503);
      assertThat(get(READY).body()).contains("rathaus-database", "DOWN");
      // The schema was ready before, so the readiness filter lets the pages through and they meet
      // the unreachable database: 503 with Retry-After and the "try again" page (issue 16), for
      // the pages and the API alike.
      for (String path : new String[] {"", "municipality.xhtml?m=musterstadt"}) {
        HttpResponse<String> page = get(base + path);
        assertThat(page.statusCode()).as(path).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).as(path).hasValue("30");
        assertThat(page.body())
            .contains("Bitte versuchen Sie es in einer Minute erneut", "Please try again")
            .doesNotContain("Exception", "at eu.rathaus");
      }
      HttpResponse<String> api = get(base + "api/v1/municipalities");
      assertThat(api.statusCode()).isEqualTo(503);
      assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(api.body()).contains("\"status\":503").doesNotContain("Exception");
    } finally {
      setPortalDatabaseReachable(true);
    }
    assertThat(awaitReadiness(200)).isEqualTo(200);
    assertThat(get(base.toString()).statusCode()).isEqualTo(200);
  }
}
