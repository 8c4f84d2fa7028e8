package eu.rathaus.registers.residents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResidentTest {

  private static Address address(String street, String in, String out, Residence residence) {
    return new Address(
        street,
        "1",
        "91099",
        "Musterstadt",
        LocalDate.parse(in),
        out == null ? null : LocalDate.parse(out),
        residence);
  }

  private static Resident resident(List<Address> addresses, List<BlockNote> blocks) {
    return new Resident(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Erika",
        "Mustermann",
        null,
        LocalDate.of(1964, 8, 12),
        "Berlin",
        "deutsch",
        addresses,
        List.of(),
        blocks);
  }

  @Test
  void theCurrentMainResidenceIsTheOneWithoutMovingOutDate() {
    Resident erika =
        resident(
            List.of(
                address("Alt", "1990-01-01", "2011-03-31", Residence.MAIN),
                address("Neu", "2011-04-01", null, Residence.MAIN),
                address("Ferien", "2015-06-01", null, Residence.SECONDARY)),
            List.of());
    assertThat(erika.mainResidence()).map(Address::street).contains("Neu");
    assertThat(erika.secondaryResidences()).extracting(Address::street).containsExactly("Ferien");
    assertThat(erika.pastAddresses()).extracting(Address::street).containsExactly("Alt");
    assertThat(erika.addresses())
        .extracting(Address::street)
        .as("newest first")
        .containsExactly("Ferien", "Neu", "Alt");
  }

  @Test
  void aPersonWhoMovedAwayHasNoMainResidence() {
    assertThat(
            resident(List.of(address("Alt", "1990-01-01", "2020-01-01", Residence.MAIN)), List.of())
                .mainResidence())
        .isEmpty();
  }

  @Test
  void aBlockingNoteCountsFromItsStartToItsEndInclusive() {
    Resident blocked =
        resident(
            List.of(),
            List.of(
                new BlockNote(
                    BlockNote.Kind.AUSKUNFTSSPERRE,
                    "Gefahr",
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31))));
    assertThat(blocked.isBlockedOn(LocalDate.of(2025, 12, 31))).isFalse();
    assertThat(blocked.isBlockedOn(LocalDate.of(2026, 1, 1))).isTrue();
    assertThat(blocked.isBlockedOn(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(blocked.isBlockedOn(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(resident(List.of(), List.of()).isBlockedOn(LocalDate.of(2026, 6, 1))).isFalse();
  }

  @Test
  void aReadNeedsAReasonOfSomeSubstance() {
    assertThat(ReadReason.of(null)).isEmpty();
    assertThat(ReadReason.of("  ab  ")).isEmpty();
    assertThat(ReadReason.of("x".repeat(201))).isEmpty();
    assertThat(ReadReason.of("  Az.   12/26 ")).contains("Az. 12/26");
  }
}
