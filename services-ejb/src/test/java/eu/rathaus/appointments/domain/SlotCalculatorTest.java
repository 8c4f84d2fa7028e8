package eu.rathaus.appointments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlotCalculatorTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");
  // Monday 2026-12-07
  private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
  private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

  private static OpeningHours hours(DayOfWeek day, String opens, String closes) {
    return new OpeningHours(day, LocalTime.parse(opens), LocalTime.parse(closes));
  }

  private static List<Slot> slots(
      LocalDate from,
      int days,
      List<OpeningHours> hours,
      Set<LocalDate> closures,
      List<Busy> busy,
      int minutes,
      Instant earliest) {
    return SlotCalculator.freeSlots(
        from, days, BERLIN, hours, closures, List.of(FIRST, SECOND), busy, minutes, earliest);
  }

  @Test
  void anOpeningPeriodIsCutIntoSlotsOfTheServicesDurationThatEndByClosingTime() {
    List<Slot> slots =
        slots(
            MONDAY,
            1,
            List.of(hours(DayOfWeek.MONDAY, "08:00", "09:00")),
            Set.of(),
            List.of(),
            25,
            LONG_AGO);
    assertThat(slots)
        .extracting(Slot::localStart)
        .containsExactly(LocalTime.of(8, 0), LocalTime.of(8, 25));
    assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    assertThat(slots.get(0).end()).isEqualTo(Instant.parse("2026-12-07T07:25:00Z"));
    assertThat(slots).extracting(Slot::counter).containsOnly(FIRST);
  }

  @Test
  void onlyTheWeekdaysWithHoursHaveSlotsAndTwoPeriodsOfADayAreBothUsed() {
    List<Slot> slots =
        slots(
            MONDAY,
            7,
            List.of(
                hours(DayOfWeek.TUESDAY, "08:00", "08:30"),
                hours(DayOfWeek.THURSDAY, "14:00", "14:30"),
                hours(DayOfWeek.THURSDAY, "08:00", "08:30")),
            Set.of(),
            List.of(),
            30,
            LONG_AGO);
    assertThat(slots)
        .extracting(s -> s.day() + " " + s.localStart())
        .containsExactly("2026-12-08 08:00", "2026-12-10 08:00", "2026-12-10 14:00");
  }

  @Test
  void aClosedDayHasNoSlots() {
    List<Slot> slots =
        slots(
            MONDAY,
            2,
            List.of(
                hours(DayOfWeek.MONDAY, "08:00", "08:30"),
                hours(DayOfWeek.TUESDAY, "08:00", "08:30")),
            Set.of(MONDAY),
            List.of(),
            30,
            LONG_AGO);
    assertThat(slots).extracting(Slot::day).containsExactly(MONDAY.plusDays(1));
  }

  @Test
  void aTakenCounterPassesTheSlotToTheNextAndWhenAllAreTakenItIsGone() {
    Instant eight = Instant.parse("2026-12-07T07:00:00Z");
    Instant half = Instant.parse("2026-12-07T07:30:00Z");
    List<OpeningHours> hours = List.of(hours(DayOfWeek.MONDAY, "08:00", "09:00"));
    List<Slot> oneTaken =
        slots(MONDAY, 1, hours, Set.of(), List.of(new Busy(FIRST, eight, half)), 30, LONG_AGO);
    assertThat(oneTaken)
        .extracting(Slot::localStart, Slot::counter)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(8, 0), SECOND),
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(8, 30), FIRST));
    // A booking of another type that only overlaps the slot's end also blocks it.
    List<Slot> bothTaken =
        slots(
            MONDAY,
            1,
            hours,
            Set.of(),
            List.of(
                new Busy(FIRST, eight, half),
                new Busy(SECOND, Instant.parse("2026-12-07T07:20:00Z"), half)),
            30,
            LONG_AGO);
    assertThat(bothTaken).extracting(Slot::localStart).containsExactly(LocalTime.of(8, 30));
  }

  @Test
  void slotsBeforeTheEarliestStartAreNotOffered() {
    List<Slot> slots =
        slots(
            MONDAY,
            1,
            List.of(hours(DayOfWeek.MONDAY, "08:00", "10:00")),
            Set.of(),
            List.of(),
            60,
            Instant.parse("2026-12-07T07:30:00Z"));
    assertThat(slots).extracting(Slot::localStart).containsExactly(LocalTime.of(9, 0));
  }

  @Test
  void onTheDaysOfADstChangeSlotsKeepTheirWallClockTime() {
    // 2027-03-28: clocks go from 02:00 to 03:00 (CET -> CEST); 2027-10-31: from 03:00 back to
    // 02:00.
    LocalDate spring = LocalDate.of(2027, 3, 28);
    List<Slot> springSlots =
        slots(
            spring.minusDays(1),
            2,
            List.of(
                hours(DayOfWeek.SATURDAY, "08:00", "09:00"),
                hours(DayOfWeek.SUNDAY, "01:00", "04:00"),
                hours(DayOfWeek.SUNDAY, "08:00", "09:00")),
            Set.of(),
            List.of(),
            60,
            LONG_AGO);
    assertThat(springSlots)
        .extracting(s -> s.day() + " " + s.localStart() + " " + s.start())
        .containsExactly(
            "2027-03-27 08:00 2027-03-27T07:00:00Z",
            // 02:00 does not exist that night: no slot; 01:00-02:00 local lasts one real hour
            "2027-03-28 01:00 2027-03-28T00:00:00Z",
            "2027-03-28 03:00 2027-03-28T01:00:00Z",
            "2027-03-28 08:00 2027-03-28T06:00:00Z");
    LocalDate autumn = LocalDate.of(2027, 10, 31);
    List<Slot> autumnSlots =
        slots(
            autumn,
            1,
            List.of(
                hours(DayOfWeek.SUNDAY, "02:00", "03:00"),
                hours(DayOfWeek.SUNDAY, "08:00", "09:00")),
            Set.of(),
            List.of(),
            60,
            LONG_AGO);
    assertThat(autumnSlots)
        .extracting(s -> s.localStart() + " " + s.start())
        .containsExactly("02:00 2027-10-31T00:00:00Z", "08:00 2027-10-31T07:00:00Z");
  }

  @Test
  void aDurationMustBePositiveAndHoursMustOpenBeforeTheyClose() {
    assertThatThrownBy(() -> slots(MONDAY, 1, List.of(), Set.of(), List.of(), 0, LONG_AGO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hours(DayOfWeek.MONDAY, "10:00", "09:00"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
