package eu.rathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LevelOfAssuranceTest {

  @Test
  void readsTheAcrValuesOfTheEidRealm() {
    assertThat(LevelOfAssurance.fromClaim("low")).contains(LevelOfAssurance.LOW);
    assertThat(LevelOfAssurance.fromClaim("substantial")).contains(LevelOfAssurance.SUBSTANTIAL);
    assertThat(LevelOfAssurance.fromClaim("high")).contains(LevelOfAssurance.HIGH);
  }

  @Test
  void readsEidasUrisCaseAndQuotes() {
    assertThat(LevelOfAssurance.fromClaim("http://eidas.europa.eu/LoA/substantial"))
        .contains(LevelOfAssurance.SUBSTANTIAL);
    assertThat(LevelOfAssurance.fromClaim(" HIGH ")).contains(LevelOfAssurance.HIGH);
    assertThat(LevelOfAssurance.fromClaim("\"low\"")).contains(LevelOfAssurance.LOW);
  }

  @Test
  void keycloakNumericAcrAndMissingClaimsAreNoLevel() {
    assertThat(LevelOfAssurance.fromClaim(null)).isEmpty();
    assertThat(LevelOfAssurance.fromClaim("1")).isEmpty();
    assertThat(LevelOfAssurance.fromClaim("0")).isEmpty();
    assertThat(LevelOfAssurance.fromClaim("")).isEmpty();
    assertThat(LevelOfAssurance.fromClaim("very-high")).isEmpty();
  }

  @Test
  void levelsAreOrdered() {
    assertThat(LevelOfAssurance.HIGH.satisfies(LevelOfAssurance.SUBSTANTIAL)).isTrue();
    assertThat(LevelOfAssurance.SUBSTANTIAL.satisfies(LevelOfAssurance.SUBSTANTIAL)).isTrue();
    assertThat(LevelOfAssurance.SUBSTANTIAL.satisfies(LevelOfAssurance.HIGH)).isFalse();
    assertThat(LevelOfAssurance.LOW.satisfies(LevelOfAssurance.SUBSTANTIAL)).isFalse();
    assertThat(LevelOfAssurance.LOW.satisfies(null)).isTrue();
  }

  @Test
  void labelsComeFromTheBundles() {
    assertThat(LevelOfAssurance.SUBSTANTIAL.messageKey()).isEqualTo("loa.substantial");
    assertThat(LevelOfAssurance.HIGH.getAcr()).isEqualTo("high");
  }

  @Test
  void theLoaClaimReachesCurrentUser() {
    assertThat(OidcUserMapper.levelOfAssurance("substantial"))
        .contains(LevelOfAssurance.SUBSTANTIAL);
    CurrentUser erika =
        new CurrentUser(
            "s",
            "erika.mustermann",
            "Erika Mustermann",
            null,
            Set.of("citizen"),
            List.of(),
            LevelOfAssurance.SUBSTANTIAL);
    assertThat(erika.hasLevelOfAssurance(LevelOfAssurance.SUBSTANTIAL)).isTrue();
    assertThat(erika.hasLevelOfAssurance(LevelOfAssurance.HIGH)).isFalse();
    CurrentUser staff =
        new CurrentUser("t", "mia", null, null, Set.of("clerk"), List.of("musterstadt"));
    assertThat(staff.getLevelOfAssurance()).isNull();
    assertThat(staff.hasLevelOfAssurance(LevelOfAssurance.LOW)).isFalse();
  }
}
