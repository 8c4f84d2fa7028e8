package eu.rathaus.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The payment provider's page is the one foreign origin a form may lead to. */
class SecurityHeadersFilterTest {

  @Test
  void addsOnlyTheProviderOriginToFormAction() {
    String policy = SecurityHeadersFilter.withFormTarget(SecurityHeadersFilter.POLICY, "https://pay.example.org");

    assertThat(policy).contains("form-action 'self' https://pay.example.org;", "default-src 'self';");
    assertThat(SecurityHeadersFilter.withFormTarget(SecurityHeadersFilter.POLICY, null)).isEqualTo(SecurityHeadersFilter.POLICY);
  }
}
