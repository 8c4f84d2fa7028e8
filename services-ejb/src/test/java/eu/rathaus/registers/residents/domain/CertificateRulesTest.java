package eu.rathaus.registers.residents.domain;

import static eu.rathaus.registers.residents.domain.CertificateRules.Decision.FEE_OPEN;
import static eu.rathaus.registers.residents.domain.CertificateRules.Decision.ISSUE;
import static eu.rathaus.registers.residents.domain.CertificateRules.Decision.LEVEL_TOO_LOW;
import static eu.rathaus.registers.residents.domain.CertificateRules.Decision.TO_CLERK_BLOCKED;
import static eu.rathaus.registers.residents.domain.CertificateRules.Decision.TO_CLERK_NOT_IN_REGISTER;
import static eu.rathaus.registers.residents.domain.CertificateRules.Decision.TO_CLERK_NO_RESIDENCE;
import static eu.rathaus.registers.residents.domain.CertificateRules.Decision.UNKNOWN_KIND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CertificateRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final Optional<CertificateKind> SIMPLE = Optional.of(CertificateKind.SIMPLE);

  private static final Address CURRENT =
      new Address(
          "Heidestraße",
          "17",
          "91099",
          "Musterstadt",
          LocalDate.of(2011, 4, 1),
          null,
          Residence.MAIN);
  private static final Address PAST =
      new Address(
          "Karl-Marx-Allee",
          "90",
          "10243",
          "Berlin",
          LocalDate.of(1990, 10, 1),
          LocalDate.of(2011, 3, 31),
          Residence.MAIN);

  private static Resident erika(List<Address> addresses, List<BlockNote> blocks) {
    return new Resident(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Erika",
        "Mustermann",
        "Gabler",
        LocalDate.of(1964, 8, 12),
        "Berlin",
        "deutsch",
        addresses,
        List.of(),
        blocks);
  }

  private static final Resident ERIKA = erika(List.of(CURRENT, PAST), List.of());

  @Test
  void issuedAtOnceForHerOwnUnblockedRecordOnceTheFeeIsSettled() {
    assertThat(CertificateRules.decide(true, true, SIMPLE, Optional.of(ERIKA), TODAY))
        .isEqualTo(ISSUE);
    assertThat(CertificateRules.decide(true, false, SIMPLE, Optional.of(ERIKA), TODAY))
        .isEqualTo(FEE_OPEN);
  }

  @Test
  void belowSubstantialNothingIsIssuedNorLookedUp() {
    assertThat(CertificateRules.decide(false, true, SIMPLE, Optional.of(ERIKA), TODAY))
        .isEqualTo(LEVEL_TOO_LOW);
    assertThat(LEVEL_TOO_LOW.goesToClerk()).isFalse();
  }

  @Test
  void aBlockedRecordOrNoRecordGoesToAClerkEvenWhenPaid() {
    Resident blocked =
        erika(
            List.of(CURRENT),
            List.of(
                new BlockNote(
                    BlockNote.Kind.AUSKUNFTSSPERRE, "Gefahr", LocalDate.of(2020, 1, 1), null)));
    assertThat(CertificateRules.decide(true, true, SIMPLE, Optional.of(blocked), TODAY))
        .isEqualTo(TO_CLERK_BLOCKED);
    assertThat(CertificateRules.decide(true, true, SIMPLE, Optional.empty(), TODAY))
        .isEqualTo(TO_CLERK_NOT_IN_REGISTER);
    assertThat(
            CertificateRules.decide(
                true, true, SIMPLE, Optional.of(erika(List.of(PAST), List.of())), TODAY))
        .isEqualTo(TO_CLERK_NO_RESIDENCE);
    assertThat(TO_CLERK_BLOCKED.goesToClerk()).isTrue();
    assertThat(TO_CLERK_NOT_IN_REGISTER.goesToClerk()).isTrue();
  }

  @Test
  void anExpiredBlockingNoteNoLongerStopsTheCertificate() {
    Resident formerlyBlocked =
        erika(
            List.of(CURRENT),
            List.of(
                new BlockNote(
                    BlockNote.Kind.SPERRVERMERK,
                    "Frauenhaus",
                    LocalDate.of(2020, 1, 1),
                    LocalDate.of(2025, 12, 31))));
    assertThat(CertificateRules.decide(true, true, SIMPLE, Optional.of(formerlyBlocked), TODAY))
        .isEqualTo(ISSUE);
  }

  @Test
  void anUnknownKindIsRefused() {
    assertThat(CertificateKind.of("erweitert")).isEmpty();
    assertThat(CertificateKind.of(" Extended ")).contains(CertificateKind.EXTENDED);
    assertThat(CertificateRules.decide(true, true, Optional.empty(), Optional.of(ERIKA), TODAY))
        .isEqualTo(UNKNOWN_KIND);
  }

  @Test
  void theSimpleCertificateStatesNameBirthDateAndCurrentResidenceOnly() {
    assertThat(CertificateRules.contents(CertificateKind.SIMPLE, ERIKA))
        .extracting(CertificateRules.Line::labelKey)
        .containsExactly(
            "certificate.familyName",
            "certificate.givenNames",
            "certificate.birthDate",
            "certificate.mainResidence",
            "certificate.movedIn");
    assertThat(CertificateRules.contents(CertificateKind.SIMPLE, ERIKA))
        .extracting(CertificateRules.Line::value)
        .contains("Heidestraße 17, 91099 Musterstadt")
        .doesNotContain("Berlin", "deutsch");
  }

  @Test
  void theExtendedCertificateAddsBirthNamePlaceNationalityAndFormerAddresses() {
    assertThat(CertificateRules.contents(CertificateKind.EXTENDED, ERIKA))
        .extracting(CertificateRules.Line::labelKey)
        .containsExactly(
            "certificate.familyName",
            "certificate.givenNames",
            "certificate.birthName",
            "certificate.birthDate",
            "certificate.birthPlace",
            "certificate.nationality",
            "certificate.mainResidence",
            "certificate.movedIn",
            "certificate.pastAddress");
    assertThat(CertificateRules.contents(CertificateKind.EXTENDED, ERIKA))
        .extracting(CertificateRules.Line::value)
        .contains("Karl-Marx-Allee 90, 10243 Berlin (1990-10-01 – 2011-03-31)");
  }

  @Test
  void aVerificationCodeIsTwelveUnambiguousCharactersInGroupsAndReadLeniently() {
    String code = VerificationCode.generate();
    assertThat(code).matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
    assertThat(VerificationCode.normalize(code.toLowerCase().replace("-", " "))).contains(code);
    assertThat(VerificationCode.normalize("7KQD-M2XA-R9P")).isEmpty();
    assertThat(VerificationCode.normalize("0KQD-M2XA-R9PZ"))
        .as("0 is not in the alphabet")
        .isEmpty();
    assertThat(VerificationCode.normalize("<script>")).isEmpty();
    assertThat(VerificationCode.normalize(null)).isEmpty();
  }
}
