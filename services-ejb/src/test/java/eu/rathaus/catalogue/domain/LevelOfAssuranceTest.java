package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LevelOfAssuranceTest {

  @Test
  void higherLevelsSatisfyLowerRequirementsNotTheOtherWayRound() {
    assertThat(LevelOfAssurance.HIGH.satisfies(LevelOfAssurance.SUBSTANTIAL)).isTrue();
    assertThat(LevelOfAssurance.SUBSTANTIAL.satisfies(LevelOfAssurance.SUBSTANTIAL)).isTrue();
    assertThat(LevelOfAssurance.LOW.satisfies(LevelOfAssurance.SUBSTANTIAL)).isFalse();
  }

  @Test
  void unknownAcrValuesCountAsTheWeakestLevel() {
    assertThat(LevelOfAssurance.fromAcr("substantial")).isEqualTo(LevelOfAssurance.SUBSTANTIAL);
    assertThat(LevelOfAssurance.fromAcr(" HIGH ")).isEqualTo(LevelOfAssurance.HIGH);
    assertThat(LevelOfAssurance.fromAcr("very-high")).isEqualTo(LevelOfAssurance.LOW);
    assertThat(LevelOfAssurance.fromAcr(null)).isEqualTo(LevelOfAssurance.LOW);
  }
}
