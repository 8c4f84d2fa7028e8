package eu.rathaus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResidencyPolicyTest {

  private final ResidencyPolicy policy =
      ResidencyPolicy.parse(
          "*.svc.cluster.local, mail.rathaus-cloud.eu  10.0.0.0/8,192.168.7.9, fd00::/8");

  @Test
  void aDomainMatchesTheNamesBelowItButNotItselfOrLookAlikes() {
    assertThat(policy.allows("postgres-rw.rathaus.svc.cluster.local")).isTrue();
    assertThat(policy.allows("POSTGRES-RW.rathaus.svc.cluster.local.")).isTrue();
    assertThat(policy.allows("svc.cluster.local")).isFalse();
    assertThat(policy.allows("evilsvc.cluster.local")).isFalse();
    assertThat(policy.allows("svc.cluster.local.attacker.example")).isFalse();
  }

  @Test
  void aHostNameMatchesExactly() {
    assertThat(policy.allows("mail.rathaus-cloud.eu")).isTrue();
    assertThat(policy.allows("smtp.rathaus-cloud.eu")).isFalse();
    assertThat(policy.allows("mail.rathaus-cloud.eu.example.com")).isFalse();
  }

  @Test
  void addressesAreAllowedByRangesOnly() {
    assertThat(policy.allows("10.1.2.3")).isTrue();
    assertThat(policy.allows("11.1.2.3")).isFalse();
    assertThat(policy.allows("192.168.7.9")).isTrue();
    assertThat(policy.allows("192.168.7.10")).isFalse();
    assertThat(policy.allows("[fd12::1]")).isTrue();
    assertThat(policy.allows("2001:db8::1")).isFalse();
    assertThat(policy.allows("10.1.2.300")).as("no address, and no name either").isFalse();
  }

  @Test
  void loopbackNeverLeavesTheMachineAndIsAlwaysAllowed() {
    ResidencyPolicy narrow = ResidencyPolicy.parse("*.rathaus-cloud.eu");
    assertThat(narrow.allows("localhost")).isTrue();
    assertThat(narrow.allows("127.0.0.1")).isTrue();
    assertThat(narrow.allows("::1")).isTrue();
    assertThat(narrow.allows("10.0.0.1")).isFalse();
    assertThat(narrow.allows("")).isFalse();
  }

  @Test
  void refusesAnEntryThatIsNoHostDomainAddressOrRange() {
    assertThatThrownBy(() -> ResidencyPolicy.parse("*.ok.eu, https://cloud.example"))
        .hasMessageContaining("'https://cloud.example'");
    assertThatThrownBy(() -> ResidencyPolicy.parse("10.0.0.0/33"))
        .hasMessageContaining("'10.0.0.0/33'");
    assertThatThrownBy(() -> ResidencyPolicy.parse("999.1.1.1"))
        .hasMessageContaining("'999.1.1.1'");
    assertThatThrownBy(() -> ResidencyPolicy.parse(" , ")).hasMessageContaining("lists no host");
  }

  @Test
  void everyConfiguredEndpointIsListedWithItsHost() {
    Map<String, String> settings =
        Map.of(
            "CLAMD_HOST", "clamd.rathaus.svc.cluster.local",
            "PAYMENT_PROVIDER_URL", "https://api.payments.example.com/v1",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318");
    Map<String, String> server =
        Map.of(
            "POSTGRESQL_URL", "jdbc:postgresql://pg-a:5432,[fd00::5]:5432/rathaus?ssl=true",
            "OIDC_PROVIDER_URL", "https://id.rathaus-cloud.eu/realms/rathaus",
            "SMTP_HOST", "mail.rathaus-cloud.eu");

    List<OutboundEndpoints.Endpoint> endpoints =
        OutboundEndpoints.configured(
            k -> Optional.ofNullable(settings.get(k)), k -> Optional.ofNullable(server.get(k)));

    assertThat(endpoints)
        .extracting(e -> e.purpose() + " " + e.setting() + " " + e.host())
        .containsExactly(
            "database POSTGRESQL_URL pg-a",
            "database POSTGRESQL_URL [fd00::5]",
            "keycloak OIDC_PROVIDER_URL id.rathaus-cloud.eu",
            "mail SMTP_HOST mail.rathaus-cloud.eu",
            "scanner CLAMD_HOST clamd.rathaus.svc.cluster.local",
            "payment PAYMENT_PROVIDER_URL api.payments.example.com",
            "traces OTEL_EXPORTER_OTLP_ENDPOINT otel-collector");
  }

  @Test
  void productionNamesEachHostOutsideThePolicyAndAMissingPolicy() {
    Map<String, String> settings =
        Map.of(
            ResidencyPolicy.KEY,
            "*.rathaus-cloud.eu, fd00::/8",
            "PAYMENT_PROVIDER_URL",
            "https://api.payments.example.com/v1");
    Map<String, String> server =
        Map.of(
            "POSTGRESQL_URL", "jdbc:postgresql://pg.rathaus-cloud.eu,[fd00::5]:5432/rathaus",
            "SMTP_HOST", "smtp.mailer.example");

    assertThat(
            ProductionCheck.residencyProblems(
                k -> Optional.ofNullable(settings.get(k)), k -> Optional.ofNullable(server.get(k))))
        .containsExactly(
            "SMTP_HOST points to smtp.mailer.example, outside the residency policy RATHAUS_RESIDENCY_HOSTS=*.rathaus-cloud.eu,fd00::/8",
            "PAYMENT_PROVIDER_URL points to api.payments.example.com, outside the residency policy RATHAUS_RESIDENCY_HOSTS=*.rathaus-cloud.eu,fd00::/8");
    assertThat(ProductionCheck.residencyProblems(k -> Optional.empty(), k -> Optional.empty()))
        .singleElement()
        .asString()
        .startsWith("RATHAUS_RESIDENCY_HOSTS is not set");
  }
}
