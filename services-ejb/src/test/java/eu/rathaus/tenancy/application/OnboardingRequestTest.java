package eu.rathaus.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingRequestTest {

  private static OnboardingRequest valid() {
    return new OnboardingRequest(
        " Seebach ",
        "09188005",
        "Bayern",
        " SeeBach ",
        "Seebach.DE",
        null,
        "Hanna.Hauptamt@Seebach.de",
        "Hanna",
        "Hauptamt");
  }

  private static List<String> keys(OnboardingRequest request) {
    return request.normalised().validate().stream()
        .map(p -> p.field() + ":" + p.messageKey())
        .toList();
  }

  @Test
  void normalisesAndAcceptsAValidRequest() {
    OnboardingRequest normalised = valid().normalised();
    assertThat(normalised.name()).isEqualTo("Seebach");
    assertThat(normalised.slug()).isEqualTo("seebach");
    assertThat(normalised.emailDomain()).isEqualTo("seebach.de");
    assertThat(normalised.adminEmail()).isEqualTo("hanna.hauptamt@seebach.de");
    assertThat(normalised.validate()).isEmpty();
  }

  @Test
  void officialKeyMustFitTheState() {
    OnboardingRequest hessen =
        new OnboardingRequest(
            "Seebach",
            "09188005",
            "Hessen",
            "seebach",
            "seebach.de",
            null,
            "a@seebach.de",
            "A",
            "B");
    assertThat(keys(hessen)).containsExactly("ags:onboarding.ags.state");
    assertThat(hessen.normalised().validate().get(0).arguments()).containsExactly("06", "Hessen");
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    OnboardingRequest bad =
        new OnboardingRequest(
            "\u0007",
            "12ab",
            "Atlantis",
            "-",
            "localhost",
            "http://evil.example/idp",
            "no-at-sign",
            null,
            "x".repeat(101));
    assertThat(keys(bad))
        .containsExactlyInAnyOrder(
            "name:onboarding.name.invalid",
            "state:onboarding.state.required",
            "ags:onboarding.ags.format",
            "slug:onboarding.slug.format",
            "emailDomain:onboarding.domain.format",
            "adminEmail:onboarding.email.format",
            "adminFirstName:onboarding.person.required",
            "adminLastName:onboarding.person.invalid",
            "idpDiscoveryUrl:onboarding.idp.format",
            "idpClientId:onboarding.idp.client.required",
            "idpClientSecret:onboarding.idp.secret.required");
  }

  @Test
  void theClientSecretNeverShowsUpInText() {
    OnboardingRequest request =
        new OnboardingRequest(
            "Seebach",
            "09188005",
            "Bayern",
            "seebach",
            "seebach.de",
            "https://idp.seebach.de",
            "a@seebach.de",
            "A",
            "B",
            "portal",
            "top-secret-value");
    assertThat(request.toString()).doesNotContain("top-secret-value");
  }

  @Test
  void discoveryUrlMustBeHttpsExceptOnLocalhost() {
    OnboardingRequest https =
        new OnboardingRequest(
            "Seebach",
            "09188005",
            "Bayern",
            "seebach",
            "seebach.de",
            "https://login.seebach.de/realms/staff",
            "a@seebach.de",
            "A",
            "B",
            "portal",
            "s3cret");
    OnboardingRequest local =
        new OnboardingRequest(
            "Seebach",
            "09188005",
            "Bayern",
            "seebach",
            "seebach.de",
            "http://localhost:8180/realms/x",
            "a@seebach.de",
            "A",
            "B",
            "portal",
            "s3cret");
    assertThat(keys(https)).isEmpty();
    assertThat(keys(local)).isEmpty();
  }
}
