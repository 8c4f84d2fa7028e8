package eu.rathaus.apiclients.application;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.apiclients.domain.ApiClient;
import eu.rathaus.apiclients.domain.ApiScope;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiClientsTest {

  @Test
  void redirectUrisAreCompleteHttpsAddressesOnePerLineHttpOnlyForLocalhost() {
    assertThat(
            ApiClients.redirectUris(
                "https://app.example.org/callback\n\n  http://localhost:3000/cb \r\n"))
        .containsExactly("https://app.example.org/callback", "http://localhost:3000/cb");
    assertThat(ApiClients.redirectUris("")).isEmpty();
    assertThat(ApiClients.redirectUris(null)).isEmpty();
    assertThat(ApiClients.redirectUris("http://app.example.org/cb")).isNull();
    assertThat(ApiClients.redirectUris("https://app.example.org/*")).isNull();
    assertThat(ApiClients.redirectUris("https://user:pw@app.example.org/cb")).isNull();
    assertThat(ApiClients.redirectUris("javascript:alert(1)")).isNull();
    assertThat(ApiClients.redirectUris("https://app.example.org/cb#x")).isNull();
    assertThat(ApiClients.redirectUris("https://a.example.org/\n".repeat(11))).isNull();
  }

  @Test
  void theRateIsBlankForTheDefaultOrAWholeNumberInRange() {
    assertThat(ApiClients.rate(" ")).isEmpty();
    assertThat(ApiClients.rate("60")).contains(60);
    assertThat(ApiClients.rate("100000")).contains(100_000);
    assertThat(ApiClients.rate("0")).isNull();
    assertThat(ApiClients.rate("100001")).isNull();
    assertThat(ApiClients.rate("sechzig")).isNull();
  }

  @Test
  void scopesAreStoredAsCodesAndReadBack() {
    Set<ApiScope> both = EnumSet.allOf(ApiScope.class);
    assertThat(ApiScope.join(both)).isEqualTo("public-read,submission");
    assertThat(ApiScope.parse("submission,public-read,unknown")).isEqualTo(both);
    assertThat(ApiScope.ofCode(" Submission ")).contains(ApiScope.SUBMISSION);
    assertThat(ApiScope.ofCode("admin")).isEqualTo(Optional.empty());
  }

  @Test
  void aDisabledClientMayNothing() {
    UUID id = UUID.randomUUID();
    ApiClient enabled = reader(id, true);
    assertThat(enabled.may(ApiScope.PUBLIC_READ)).isTrue();
    assertThat(enabled.may(ApiScope.SUBMISSION)).isFalse();
    assertThat(reader(id, false).may(ApiScope.PUBLIC_READ)).isFalse();
    assertThat(ApiClient.clientIdOf("musterstadt", id))
        .isEqualTo("api-musterstadt-" + id.toString().substring(0, 8));
  }

  private static ApiClient reader(UUID id, boolean enabled) {
    return new ApiClient(
        id,
        UUID.randomUUID(),
        "api-x",
        "App",
        Set.of(ApiScope.PUBLIC_READ),
        List.of(),
        null,
        enabled,
        null,
        null);
  }
}
