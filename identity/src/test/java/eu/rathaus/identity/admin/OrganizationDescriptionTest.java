package eu.rathaus.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The organization as it travels in a municipality's export: no secret, and the same after reading.
 */
class OrganizationDescriptionTest {

  private static OrganizationDescription sample() {
    return new OrganizationDescription(
        "neustadt",
        "Neustadt",
        "Stadt Neustadt",
        true,
        List.of(new OrganizationDescription.Domain("neustadt.de", true)),
        Map.of("ags", List.of("09162000")),
        List.of(
            new OrganizationDescription.IdentityProvider(
                "neustadt-verzeichnis",
                "oidc",
                "Verzeichnis",
                true,
                true,
                "rathaus-staff-first-login",
                Map.of(
                    "clientId", "rathaus",
                    "clientSecret", "**********",
                    "jwtX509HeadersPassword", "geheim",
                    "tokenUrl", "https://login.neustadt.de/token"),
                List.of(
                    new OrganizationDescription.Mapper(
                        "clerk from directory role",
                        "oidc-role-idp-mapper",
                        Map.of("claim", "rathaus_roles", "role", "clerk"))))));
  }

  @Test
  void noSecretIsKept() {
    Map<String, String> config = sample().identityProviders().get(0).config();
    assertThat(config).containsOnlyKeys("clientId", "tokenUrl");
    assertThat(OrganizationDescription.isSecret("clientSecret")).isTrue();
    assertThat(OrganizationDescription.isSecret("signingPrivateKey")).isTrue();
    assertThat(OrganizationDescription.isSecret("clientId")).isFalse();
  }

  @Test
  void itsJsonFormReadsBackTheSame() {
    OrganizationDescription d = sample();
    assertThat(OrganizationDescription.fromMap(d.asMap())).isEqualTo(d);
  }
}
