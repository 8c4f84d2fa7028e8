package eu.rathaus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProductionCheckTest {

  /** A production installation without any unsafe setting. */
  private static Map<String, String> clean() {
    Map<String, String> settings = new HashMap<>();
    settings.put("POSTGRESQL_PASSWORD", "db-secret-from-the-vault");
    settings.put("OIDC_CLIENT_SECRET", "oidc-secret-from-the-vault");
    settings.put("POSTGRESQL_MIGRATION_PASSWORD", "owner-secret-from-the-vault");
    settings.put("KEYCLOAK_ADMIN_CLIENT_SECRET", "admin-secret-from-the-vault");
    settings.put("PAYMENT_PROVIDER_SECRET", "hmac-key-of-the-real-payment-provider-0001");
    settings.put("RATHAUS_KEYSTORE_PASSWORD", "keystore-secret-from-the-vault");
    settings.put("RATHAUS_AUDIT_ANCHOR_KEY", "audit-anchor-key-from-the-vault");
    settings.put("PORTAL_BASE_URL", "https://service.example-kommune.de");
    settings.put("CLAMD_HOST", "clamd.internal");
    settings.put("RATHAUS_RESIDENCY_HOSTS", "*.internal, *.example-kommune.de, 10.20.0.0/16");
    return settings;
  }

  private static final class FakeKeycloak implements ProductionCheck.Keycloak {
    List<String> demoUsers = List.of();
    String acceptedSecret;
    RuntimeException failure;

    @Override
    public List<String> demoUsers() {
      if (failure != null) {
        throw failure;
      }
      return demoUsers;
    }

    @Override
    public boolean acceptsSecret(String clientId, String secret) {
      return secret.equals(acceptedSecret);
    }
  }

  private static List<String> problems(
      Map<String, String> settings, ProductionCheck.Keycloak keycloak) {
    Function<String, Optional<String>> lookup = key -> Optional.ofNullable(settings.get(key));
    return ProductionCheck.problems(lookup, lookup, keycloak);
  }

  @Test
  void cleanProductionConfigurationHasNoProblem() {
    assertThat(problems(clean(), new FakeKeycloak())).isEmpty();
  }

  @Test
  void eachPublishedDemoSecretIsNamedInOneLine() {
    for (Map.Entry<String, String> demo : DemoValues.SECRETS.entrySet()) {
      Map<String, String> settings = clean();
      settings.put(demo.getKey(), demo.getValue());
      assertThat(problems(settings, new FakeKeycloak()))
          .as(demo.getKey())
          .containsExactly(demo.getKey() + " equals the demo value published in the repository");
    }
  }

  @Test
  void eachMissingSecretIsNamedInOneLine() {
    for (String key : DemoValues.SECRETS.keySet()) {
      Map<String, String> settings = clean();
      settings.remove(key);
      List<String> problems = problems(settings, new FakeKeycloak());
      assertThat(problems).as(key).hasSize(1);
      assertThat(problems.get(0)).startsWith(key + " is not set");
    }
  }

  @Test
  void registerServiceCredentialsAreRequiredOnlyWithARegisterService() {
    Map<String, String> settings = clean();
    settings.put("RATHAUS_REGISTER_URL", "https://register.internal/api");
    assertThat(problems(settings, new FakeKeycloak()))
        .containsExactly(
            "RATHAUS_REGISTER_CLIENT_ID is not set (required with RATHAUS_REGISTER_URL)",
            "RATHAUS_REGISTER_CLIENT_SECRET is not set (required with RATHAUS_REGISTER_URL)");
    settings.put("RATHAUS_REGISTER_CLIENT_ID", "rathaus-portal");
    settings.put("RATHAUS_REGISTER_CLIENT_SECRET", DemoValues.REGISTER_CLIENT_SECRET);
    assertThat(problems(settings, new FakeKeycloak()))
        .containsExactly(
            "RATHAUS_REGISTER_CLIENT_SECRET equals the demo value published in the repository");
    settings.put("RATHAUS_REGISTER_CLIENT_SECRET", "register-secret-from-the-vault");
    assertThat(problems(settings, new FakeKeycloak())).isEmpty();
    // Without a register service (the built-in register) its credentials are not asked for.
    settings.remove("RATHAUS_REGISTER_URL");
    settings.remove("RATHAUS_REGISTER_CLIENT_SECRET");
    assertThat(problems(settings, new FakeKeycloak())).isEmpty();
  }

  @Test
  void baseUrlMustBeHttps() {
    Map<String, String> settings = clean();
    settings.put("PORTAL_BASE_URL", "http://service.example-kommune.de");
    assertThat(problems(settings, new FakeKeycloak()))
        .containsExactly(
            "PORTAL_BASE_URL is not an https:// address: http://service.example-kommune.de");
    settings.remove("PORTAL_BASE_URL");
    assertThat(problems(settings, new FakeKeycloak()))
        .singleElement(STRING)
        .startsWith("PORTAL_BASE_URL is not set");
  }

  @Test
  void malwareScannerIsRequiredUnlessExplicitlySwitchedOff() {
    Map<String, String> settings = clean();
    settings.remove("CLAMD_HOST");
    assertThat(problems(settings, new FakeKeycloak()))
        .singleElement(STRING)
        .startsWith("CLAMD_HOST is not set");
    settings.put("RATHAUS_MALWARE_SCAN", "yes please");
    assertThat(problems(settings, new FakeKeycloak())).hasSize(1);
    settings.put("RATHAUS_MALWARE_SCAN", "OFF");
    assertThat(problems(settings, new FakeKeycloak())).isEmpty();
    assertThat(ProductionCheck.malwareScanOptedOut(key -> Optional.ofNullable(settings.get(key))))
        .isTrue();
  }

  @Test
  void demoDataIsRefused() {
    Map<String, String> settings = clean();
    settings.put("RATHAUS_DEMO_DATA", "true");
    assertThat(problems(settings, new FakeKeycloak()))
        .singleElement(STRING)
        .startsWith("RATHAUS_DEMO_DATA=true");
  }

  @Test
  void demoUsersInKeycloakAreNamed() {
    FakeKeycloak keycloak = new FakeKeycloak();
    keycloak.demoUsers = List.of("berta.admin", "paula.plattform");
    assertThat(problems(clean(), keycloak))
        .singleElement(STRING)
        .startsWith(
            "Keycloak realm contains demo users with published passwords: berta.admin, paula.plattform");
  }

  @Test
  void keycloakAcceptingAPublishedClientSecretIsNamed() {
    FakeKeycloak keycloak = new FakeKeycloak();
    keycloak.acceptedSecret = DemoValues.ADMIN_CLIENT_SECRET;
    assertThat(problems(clean(), keycloak))
        .singleElement(STRING)
        .startsWith("Keycloak accepts the published demo secret of client rathaus-admin");
  }

  @Test
  void keycloakThatCannotBeAskedIsAProblemNotAPass() {
    FakeKeycloak keycloak = new FakeKeycloak();
    keycloak.failure = new IllegalStateException("Connection refused");
    assertThat(problems(clean(), keycloak))
        .singleElement(STRING)
        .startsWith(
            "Keycloak could not be asked whether demo users or demo client secrets exist (Connection refused)");
  }

  @Test
  void everyProblemIsOneLine() {
    // Nothing set: every secret, the base URL, the scanner, the demo data, the residency policy
    // and the demo user.
    Map<String, String> settings = new HashMap<>();
    settings.put("RATHAUS_DEMO_DATA", "true");
    FakeKeycloak keycloak = new FakeKeycloak();
    keycloak.demoUsers = List.of("paula.plattform");
    List<String> problems = problems(settings, keycloak);
    assertThat(problems).hasSize(DemoValues.SECRETS.size() + 5);
    assertThat(problems).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
  }

  @Test
  void aMissingResidencyPolicyIsNamed() {
    Map<String, String> settings = clean();
    settings.remove("RATHAUS_RESIDENCY_HOSTS");
    assertThat(problems(settings, new FakeKeycloak()))
        .singleElement(STRING)
        .startsWith("RATHAUS_RESIDENCY_HOSTS is not set");
  }

  @Test
  void eachOutboundHostOutsideTheResidencyPolicyIsNamedWithItsSetting() {
    Map<String, String> settings = clean();
    settings.put("POSTGRESQL_URL", "jdbc:postgresql://db.internal:5432/rathaus");
    settings.put("OIDC_PROVIDER_URL", "https://login.example-kommune.de/realms/rathaus");
    settings.put("SMTP_HOST", "smtp.sendgrid.net");
    settings.put("PAYMENT_PROVIDER_URL", "https://api.stripe.com/v1");
    settings.put("CLAMD_HOST", "10.20.3.4");
    assertThat(problems(settings, new FakeKeycloak()))
        .containsExactlyInAnyOrder(
            "SMTP_HOST points to smtp.sendgrid.net, outside the residency policy"
                + " RATHAUS_RESIDENCY_HOSTS=*.internal,*.example-kommune.de,10.20.0.0/16",
            "PAYMENT_PROVIDER_URL points to api.stripe.com, outside the residency policy"
                + " RATHAUS_RESIDENCY_HOSTS=*.internal,*.example-kommune.de,10.20.0.0/16");
  }

  @Test
  void anUnreadableResidencyPolicyIsOneProblemNotAnOpenDoor() {
    Map<String, String> settings = clean();
    settings.put("RATHAUS_RESIDENCY_HOSTS", "10.0.0.0/99");
    settings.put("SMTP_HOST", "smtp.sendgrid.net");
    assertThat(problems(settings, new FakeKeycloak()))
        .singleElement(STRING)
        .contains("RATHAUS_RESIDENCY_HOSTS");
  }
}
