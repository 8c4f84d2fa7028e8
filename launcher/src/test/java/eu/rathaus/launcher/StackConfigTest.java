package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

  private static final Path PROJECT = Path.of("/srv/rathaus");

  @Test
  void upDefaultsMatchTheReadme() {
    StackConfig config = StackConfig.fromEnvironment(PROJECT, Map.of());

    assertThat(config.portalPort()).isEqualTo(8080);
    assertThat(config.managementPort()).isEqualTo(9990);
    assertThat(config.keycloakPort()).isEqualTo(8180);
    assertThat(config.keycloakManagementPort()).isEqualTo(9000);
    assertThat(config.postgresPort()).isEqualTo(15432);
    assertThat(config.smtpPort()).isEqualTo(2525);
    assertThat(config.mailWebPort()).isEqualTo(8025);
    assertThat(config.dataDir()).isEqualTo(PROJECT.resolve(".rathaus"));
    assertThat(config.externalDatabase()).isFalse();
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/rathaus");
    assertThat(config.keycloakDbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/keycloak");
    assertThat(config.appUser()).isEqualTo("rathaus");
    assertThat(config.ownerUser()).isEqualTo("rathaus_owner");
    assertThat(config.oidcProviderUrl()).isEqualTo("http://localhost:8180/realms/rathaus");
    assertThat(config.oidcClientId()).isEqualTo("rathaus-portal");
    assertThat(config.oidcClientSecret()).isEqualTo(StackConfig.DEFAULT_OIDC_CLIENT_SECRET);
    assertThat(config.portalBaseUrl()).isEqualTo("http://localhost:8080");
    assertThat(config.keycloakDistribution())
        .isEqualTo(PROJECT.resolve("launcher/target/keycloak/keycloak-quarkus-dist.zip"));
    assertThat(config.keycloakVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void environmentOverridesPortsAndDataFolder() {
    StackConfig config =
        StackConfig.fromEnvironment(
            PROJECT,
            Map.of(
                "RATHAUS_PORTAL_PORT", "8081",
                "RATHAUS_KEYCLOAK_PORT", " 8181 ",
                "RATHAUS_KEYCLOAK_MANAGEMENT_PORT", "9001",
                "RATHAUS_POSTGRES_PORT", "5433",
                "RATHAUS_DATA_DIR", "/tmp/rathaus-data",
                "RATHAUS_OIDC_CLIENT_SECRET", "s3cret"));

    assertThat(config.portalPort()).isEqualTo(8081);
    assertThat(config.keycloakPort()).isEqualTo(8181);
    assertThat(config.keycloakManagementPort()).isEqualTo(9001);
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/rathaus");
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/rathaus-data"));
    assertThat(config.portalBaseUrl()).isEqualTo("http://localhost:8081");
    assertThat(config.oidcProviderUrl()).isEqualTo("http://localhost:8181/realms/rathaus");
    assertThat(config.oidcClientSecret()).isEqualTo("s3cret");
  }

  @Test
  void invalidPortNamesTheVariable() {
    assertThatThrownBy(
            () -> StackConfig.fromEnvironment(PROJECT, Map.of("RATHAUS_SMTP_PORT", "abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RATHAUS_SMTP_PORT=abc")
        .hasMessageContaining("keine gültige Portnummer");
    assertThatThrownBy(
            () -> StackConfig.fromEnvironment(PROJECT, Map.of("RATHAUS_PORTAL_PORT", "70000")))
        .hasMessageContaining("RATHAUS_PORTAL_PORT=70000");
    assertThatThrownBy(
            () -> StackConfig.fromEnvironment(PROJECT, Map.of("RATHAUS_PORTAL_PORT", "0")))
        .hasMessageContaining("RATHAUS_PORTAL_PORT=0");
  }

  @Test
  void samePortTwiceIsRejected() {
    assertThatThrownBy(
            () -> StackConfig.fromEnvironment(PROJECT, Map.of("RATHAUS_MAIL_WEB_PORT", "8080")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RATHAUS_PORTAL_PORT")
        .hasMessageContaining("RATHAUS_MAIL_WEB_PORT");
  }

  @Test
  void externalDatabaseTakesCredentialsFromTheEnvironment() {
    StackConfig config =
        StackConfig.fromEnvironment(
            PROJECT,
            Map.of(
                "POSTGRESQL_URL",
                "jdbc:postgresql://db.example:5432/rathaus",
                "POSTGRESQL_USER",
                "app",
                "POSTGRESQL_PASSWORD",
                "pw",
                "POSTGRESQL_MIGRATION_USER",
                "owner",
                "POSTGRESQL_MIGRATION_PASSWORD",
                "opw",
                "KC_DB_URL",
                "jdbc:postgresql://db.example:5432/keycloak",
                "KC_DB_USERNAME",
                "kc",
                "KC_DB_PASSWORD",
                "kpw"));

    assertThat(config.externalDatabase()).isTrue();
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/rathaus");
    assertThat(config.appUser()).isEqualTo("app");
    assertThat(config.ownerUser()).isEqualTo("owner");
    assertThat(config.keycloakDbUser()).isEqualTo("kc");
    assertThat(Stack.components(config, true)).doesNotContain(Component.POSTGRES);
  }

  @Test
  void externalDatabaseWithoutCredentialsSaysWhatIsMissing() {
    assertThatThrownBy(
            () ->
                StackConfig.fromEnvironment(
                    PROJECT, Map.of("POSTGRESQL_URL", "jdbc:postgresql://db.example:5432/rathaus")))
        .hasMessageContaining("POSTGRESQL_USER");
  }

  @Test
  void testPortsNeverCollideWithUpDefaults() {
    StackConfig up = StackConfig.fromEnvironment(PROJECT, Map.of());
    StackConfig tests = StackConfig.forTests(PROJECT, Path.of("/tmp/t"));

    assertThat(tests.ports().values()).doesNotContainAnyElementsOf(up.ports().values());
    assertThat(tests.ports().values()).doesNotHaveDuplicates();
    assertThat(tests.portalPort()).isEqualTo(18080);
    assertThat(tests.postgresPort()).isEqualTo(25432);
    assertThat(LocalWildFly.httpsPort(tests)).isNotEqualTo(LocalWildFly.httpsPort(up));
  }

  @Test
  void thePaymentSandboxHasItsOwnPortAndTheSharedSecret() {
    StackConfig up = StackConfig.fromEnvironment(PROJECT, Map.of());
    StackConfig moved =
        StackConfig.fromEnvironment(
            PROJECT,
            Map.of(
                "RATHAUS_PAYMENT_SANDBOX_PORT",
                "9480",
                "PAYMENT_PROVIDER_SECRET",
                "another-secret-of-at-least-32-bytes-long"));

    assertThat(up.paymentSandboxUrl()).isEqualTo("http://localhost:8480");
    assertThat(up.paymentSecret()).isEqualTo(StackConfig.DEFAULT_PAYMENT_SECRET);
    assertThat(StackConfig.forTests(PROJECT, Path.of("/tmp/t")).paymentSandboxPort())
        .isEqualTo(18480);
    assertThat(moved.paymentSandboxPort()).isEqualTo(9480);
    // RegisterServiceIT (in-container) names this port as a literal.
    assertThat(StackConfig.forTests(PROJECT, Path.of("/tmp/t")).registerServicePort())
        .isEqualTo(18580);
    assertThat(up.registerServicePort()).isEqualTo(8580);
    assertThat(moved.paymentSecret()).isEqualTo("another-secret-of-at-least-32-bytes-long");
    assertThat(LocalWildFly.environment(moved))
        .containsEntry("PAYMENT_PROVIDER_URL", "http://127.0.0.1:9480")
        .containsEntry("PAYMENT_PROVIDER_SECRET", "another-secret-of-at-least-32-bytes-long")
        .containsEntry("PAYMENT_PROVIDER_PAGE_URL", "http://localhost:9480");
  }
}
