package eu.rathaus.catalogue.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JpaServiceListingRepositoryTest {

  @Test
  void plainWordsAllowCompoundMatching() {
    assertThat(JpaServiceListingRepository.usesOperators("Parkausweis")).isFalse();
    assertThat(JpaServiceListingRepository.usesOperators("Hund anmelden")).isFalse();
    assertThat(JpaServiceListingRepository.usesOperators("Orden Bus-Ticket")).isFalse();
  }

  @Test
  void webSearchOperatorsKeepExactSemantics() {
    assertThat(JpaServiceListingRepository.usesOperators("gebührenfrei -Hund")).isTrue();
    assertThat(JpaServiceListingRepository.usesOperators("-Hund")).isTrue();
    assertThat(JpaServiceListingRepository.usesOperators("Hund or Katze")).isTrue();
    assertThat(JpaServiceListingRepository.usesOperators("Hund OR Katze")).isTrue();
    assertThat(JpaServiceListingRepository.usesOperators("\"Hund anmelden\"")).isTrue();
  }
}
