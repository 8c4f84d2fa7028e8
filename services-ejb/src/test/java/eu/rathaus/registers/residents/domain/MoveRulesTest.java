package eu.rathaus.registers.residents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.registers.residents.domain.MoveRules.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MoveRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final HouseholdMember SABINE =
      new HouseholdMember(
          UUID.randomUUID(),
          "Sabine",
          "Mustermann",
          LocalDate.of(1982, 11, 23),
          HouseholdMember.Relation.SPOUSE);
  private static final HouseholdMember LENA =
      new HouseholdMember(
          UUID.randomUUID(),
          "Lena",
          "Mustermann",
          LocalDate.of(2015, 5, 9),
          HouseholdMember.Relation.CHILD);
  private static final MoveRequest.NewAddress NEW =
      new MoveRequest.NewAddress("Rosenweg", "5", "91099", "Musterstadt");

  private static Resident max(List<BlockNote> blocks) {
    return new Resident(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Max",
        "Mustermann",
        null,
        LocalDate.of(1980, 3, 2),
        "Köln",
        "deutsch",
        List.of(
            new Address(
                "Lindenweg",
                "3",
                "91099",
                "Musterstadt",
                LocalDate.of(2019, 7, 15),
                null,
                Residence.MAIN)),
        List.of(SABINE, LENA),
        blocks);
  }

  private static MoveRequest within(List<String> movers, String code, LocalDate day) {
    return new MoveRequest(MoveRequest.Kind.WITHIN, day, NEW, movers, false, code);
  }

  @Test
  void aMoveWithinTheHouseholdAndALandlordCodeIsWritable() {
    MoveRules.Check check =
        MoveRules.check(
            within(
                List.of("Sabine Mustermann, 23.11.1982", " lena   MUSTERMANN ", ""),
                "AB12CD",
                TODAY),
            true,
            Optional.of(max(List.of())),
            TODAY);
    assertThat(check.problems()).isEmpty();
    assertThat(check.writable()).isTrue();
    assertThat(check.movers()).containsExactly(SABINE, LENA);
  }

  @Test
  void aMoverOutsideTheHouseholdIsNamedAndBlocksTheWrite() {
    MoveRules.Check check =
        MoveRules.check(
            within(List.of("Sabine Mustermann", "Fremde Person"), "AB12CD", TODAY),
            true,
            Optional.of(max(List.of())),
            TODAY);
    assertThat(check.problems()).containsExactly(Problem.MOVER_NOT_IN_HOUSEHOLD);
    assertThat(check.unknown()).containsExactly("Fremde Person");
  }

  @Test
  void noRecordNoLinkBlockedSameAddressAndEarlyDateAreProblems() {
    assertThat(
            MoveRules.check(within(List.of(), "AB12CD", TODAY), true, Optional.empty(), TODAY)
                .problems())
        .containsExactly(Problem.NOT_IN_REGISTER);
    assertThat(
            MoveRules.check(within(List.of(), "AB12CD", TODAY), false, Optional.empty(), TODAY)
                .problems())
        .containsExactly(Problem.NO_EID_LINK);
    BlockNote block =
        new BlockNote(BlockNote.Kind.AUSKUNFTSSPERRE, "Schutz", LocalDate.of(2020, 1, 1), null);
    assertThat(
            MoveRules.check(
                    within(List.of(), "AB12CD", TODAY),
                    true,
                    Optional.of(max(List.of(block))),
                    TODAY)
                .problems())
        .containsExactly(Problem.BLOCKED);
    MoveRequest same =
        new MoveRequest(
            MoveRequest.Kind.WITHIN,
            TODAY,
            new MoveRequest.NewAddress("lindenweg", "3", "91099", "Musterstadt"),
            List.of(),
            true,
            null);
    assertThat(MoveRules.check(same, true, Optional.of(max(List.of())), TODAY).problems())
        .containsExactly(Problem.SAME_ADDRESS);
    assertThat(
            MoveRules.check(
                    within(List.of(), "AB12CD", LocalDate.of(2019, 7, 15)),
                    true,
                    Optional.of(max(List.of())),
                    TODAY)
                .problems())
        .containsExactly(Problem.MOVING_DATE);
    assertThat(
            MoveRules.check(
                    within(List.of(), null, TODAY), true, Optional.of(max(List.of())), TODAY)
                .problems())
        .containsExactly(Problem.NO_LANDLORD_CONFIRMATION);
  }

  @Test
  void movingInFromElsewhereNeedsNoRecordButRefusesSomeoneAlreadyLivingHere() {
    MoveRequest in =
        new MoveRequest(MoveRequest.Kind.FROM_ELSEWHERE, TODAY, NEW, List.of(), true, null);
    assertThat(MoveRules.check(in, true, Optional.empty(), TODAY).writable()).isTrue();
    assertThat(MoveRules.check(in, true, Optional.of(max(List.of())), TODAY).problems())
        .containsExactly(Problem.ALREADY_REGISTERED);
    MoveRequest incomplete =
        new MoveRequest(
            MoveRequest.Kind.FROM_ELSEWHERE,
            TODAY,
            new MoveRequest.NewAddress("Rosenweg", "", "9109", "Musterstadt"),
            List.of(),
            true,
            null);
    assertThat(MoveRules.check(incomplete, true, Optional.empty(), TODAY).problems())
        .containsExactly(Problem.ADDRESS_INCOMPLETE);
  }

  @Test
  void aMemberLineReadsAsTheFormOffersIt() {
    assertThat(SABINE.line()).isEqualTo("Sabine Mustermann, 23.11.1982");
  }

  @Test
  void whoMovesInFromElsewhereIsReadAsNewPersonsAndAnUnreadableLineRefuses() {
    MoveRequest in =
        new MoveRequest(
            MoveRequest.Kind.FROM_ELSEWHERE,
            TODAY,
            NEW,
            List.of("Ben Muster, 03.06.2018", "", "Carla Maria Muster, geb. 2016-02-01"),
            true,
            null);
    MoveRules.Check check = MoveRules.check(in, true, Optional.empty(), TODAY);
    assertThat(check.writable()).isTrue();
    assertThat(check.movers()).isEmpty();
    assertThat(check.newcomers())
        .containsExactly(
            new Newcomer("Ben", "Muster", LocalDate.of(2018, 6, 3)),
            new Newcomer("Carla Maria", "Muster", LocalDate.of(2016, 2, 1)));
    assertThat(check.newcomers().get(0).line()).isEqualTo("Ben Muster, 03.06.2018");

    for (String bad : List.of("Ben, 03.06.2018", "Ben Muster", "Ben Muster, 31.02.2018")) {
      MoveRequest unreadable =
          new MoveRequest(MoveRequest.Kind.FROM_ELSEWHERE, TODAY, NEW, List.of(bad), true, null);
      assertThat(MoveRules.check(unreadable, true, Optional.empty(), TODAY).problems())
          .as(bad)
          .containsExactly(Problem.MOVER_UNREADABLE);
    }
    assertThat(Newcomer.parse("Ben Muster, 03.06.2030", TODAY)).as("born in the future").isEmpty();
  }
}
