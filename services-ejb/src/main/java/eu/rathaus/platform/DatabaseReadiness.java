package eu.rathaus.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers and its schema is migrated: a load balancer then sends no
 * traffic to an instance that could only answer with errors. Liveness deliberately does not include
 * the database, because restarting the server would not bring the database back.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "java:jboss/datasources/RathausDS")
  DataSource dataSource;

  @Inject SchemaBootstrap schema;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("rathaus-database");
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      response.withData("connection", valid ? "valid" : "invalid");
      if (!valid) {
        return response.down().build();
      }
    } catch (SQLException e) {
      return response.down().withData("connection", "unreachable").build();
    }
    if (!schema.isReady()) {
      // Not connected at start, or connected again: try the migration right away.
      schema.attempt();
    }
    response.withData("schema", schema.isReady() ? "migrated" : "pending");
    return schema.isReady() ? response.up().build() : response.down().build();
  }
}
