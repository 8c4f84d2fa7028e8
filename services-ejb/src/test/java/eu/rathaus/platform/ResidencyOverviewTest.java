package eu.rathaus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ResidencyOverviewTest {

  private static Function<String, Optional<String>> of(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  @Test
  void listsEveryEndpointWithThePolicysVerdict() {
    ResidencyOverview.Report report =
        ResidencyOverview.report(
            of(
                Map.of(
                    "RATHAUS_RESIDENCY_HOSTS", "*.cloud.example, 10.1.0.0/16",
                    "RATHAUS_RESIDENCY_REGION", "EU, Frankfurt",
                    "CLAMD_HOST", "10.1.2.3",
                    "PAYMENT_PROVIDER_URL", "https://pay.elsewhere.example/api")),
            of(
                Map.of(
                    "POSTGRESQL_URL", "jdbc:postgresql://db-1.cloud.example,db-2.cloud.example/r",
                    "SMTP_HOST", "relay.cloud.example")));
    assertThat(report.region()).contains("EU, Frankfurt");
    assertThat(report.policy()).containsExactly("*.cloud.example", "10.1.0.0/16");
    assertThat(report.policyProblem()).isEmpty();
    assertThat(report.endpoints())
        .containsExactly(
            new ResidencyOverview.Row("database", "POSTGRESQL_URL", "db-1.cloud.example", true),
            new ResidencyOverview.Row("database", "POSTGRESQL_URL", "db-2.cloud.example", true),
            new ResidencyOverview.Row("mail", "SMTP_HOST", "relay.cloud.example", true),
            new ResidencyOverview.Row("scanner", "CLAMD_HOST", "10.1.2.3", true),
            new ResidencyOverview.Row(
                "payment", "PAYMENT_PROVIDER_URL", "pay.elsewhere.example", false));
    assertThat(report.compliant()).isFalse();
  }

  @Test
  void withoutPolicyNoEndpointCountsAsAllowed() {
    ResidencyOverview.Report report =
        ResidencyOverview.report(of(Map.of("CLAMD_HOST", "clamd.cloud.example")), of(Map.of()));
    assertThat(report.policyProblem()).contains("RATHAUS_RESIDENCY_HOSTS is not set");
    assertThat(report.endpoints())
        .extracting(ResidencyOverview.Row::allowed)
        .containsExactly(false);
    assertThat(report.compliant()).isFalse();
  }

  @Test
  void compliantWhenEveryEndpointIsInside() {
    ResidencyOverview.Report report =
        ResidencyOverview.report(
            of(Map.of("RATHAUS_RESIDENCY_HOSTS", "clamd", "CLAMD_HOST", "clamd")),
            of(Map.of("SMTP_HOST", "127.0.0.1")));
    assertThat(report.compliant()).isTrue();
  }
}
