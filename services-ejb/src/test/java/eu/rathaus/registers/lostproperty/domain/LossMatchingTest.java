package eu.rathaus.registers.lostproperty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.registers.lostproperty.domain.LossMatching.Candidate;
import eu.rathaus.registers.lostproperty.domain.LossMatching.LossReport;
import eu.rathaus.registers.lostproperty.domain.LossMatching.Suggestion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LossMatchingTest {

  private static final LocalDate LOST = LocalDate.of(2026, 11, 20);

  private static LossReport wallet(String place) {
    return new LossReport(
        UUID.randomUUID(),
        "FUN-2026-000001",
        ItemCategory.WALLET,
        LOST,
        place,
        "Braune Geldbörse aus Leder");
  }

  private static Candidate found(ItemCategory category, LocalDate on, String place, double rank) {
    return new Candidate(
        new PublicFoundItem(UUID.randomUUID(), category, "Geldbörse", place, on, "Zimmer 12"),
        rank);
  }

  @Test
  void theWindowRunsFromThreeDaysBeforeTheLossToThirtyDaysAfter() {
    assertThat(LossMatching.inWindow(LOST, LOST.minusDays(3))).isTrue();
    assertThat(LossMatching.inWindow(LOST, LOST.minusDays(4))).isFalse();
    assertThat(LossMatching.inWindow(LOST, LOST.plusDays(30))).isTrue();
    assertThat(LossMatching.inWindow(LOST, LOST.plusDays(31))).isFalse();
  }

  @Test
  void onlyTheSameCategoryOrOtherFits() {
    assertThat(LossMatching.categoriesFit(ItemCategory.WALLET, ItemCategory.WALLET)).isTrue();
    assertThat(LossMatching.categoriesFit(ItemCategory.WALLET, ItemCategory.OTHER)).isTrue();
    assertThat(LossMatching.categoriesFit(ItemCategory.OTHER, ItemCategory.KEYS)).isTrue();
    assertThat(LossMatching.categoriesFit(ItemCategory.WALLET, ItemCategory.PHONE)).isFalse();
  }

  @Test
  void itemsOfAnotherCategoryOrOutsideTheWindowAreNeverSuggested() {
    Candidate phone = found(ItemCategory.PHONE, LOST, "Marktplatz", 0.5);
    Candidate tooEarly = found(ItemCategory.WALLET, LOST.minusDays(10), "Marktplatz", 0.5);
    Candidate tooLate = found(ItemCategory.WALLET, LOST.plusDays(45), "Marktplatz", 0.5);
    Candidate fits = found(ItemCategory.WALLET, LOST.plusDays(1), "Bahnhof", 0);
    assertThat(
            LossMatching.suggest(wallet("Marktplatz"), List.of(phone, tooEarly, tooLate, fits))
                .stream()
                .map(Suggestion::candidate))
        .containsExactly(fits);
  }

  @Test
  void theSamePlaceAndSimilarTextRankFirst() {
    Candidate elsewhere = found(ItemCategory.WALLET, LOST, "Freibad Nord", 0);
    Candidate samePlace =
        found(ItemCategory.WALLET, LOST.plusDays(2), "Bushaltestelle Marktplatz", 0);
    Candidate samePlaceAndText = found(ItemCategory.WALLET, LOST.plusDays(5), "am Marktplatz", 0.6);
    Candidate throughOther = found(ItemCategory.OTHER, LOST, "Marktplatz", 0.6);
    assertThat(
            LossMatching.suggest(
                    wallet("Marktplatz, vor der Bäckerei"),
                    List.of(elsewhere, samePlace, samePlaceAndText, throughOther))
                .stream()
                .map(Suggestion::candidate))
        .containsExactly(samePlaceAndText, throughOther, samePlace, elsewhere);
  }

  @Test
  void atMostFiveSuggestionsAreMade() {
    List<Candidate> many = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      many.add(found(ItemCategory.WALLET, LOST.plusDays(i), "Marktplatz", 0.1 * i));
    }
    List<Suggestion> suggestions = LossMatching.suggest(wallet("Marktplatz"), many);
    assertThat(suggestions).hasSize(LossMatching.LIMIT);
    assertThat(suggestions.get(0).candidate()).isEqualTo(many.get(7));
  }

  @Test
  void placesShareWordsWithoutStopWordsAndByWordBeginnings() {
    assertThat(LossMatching.placeSimilarity("am Marktplatz", "Marktplatzes Ecke")).isEqualTo(1.0);
    assertThat(LossMatching.placeSimilarity("an der Bushaltestelle", "der Bahnhof")).isZero();
    assertThat(LossMatching.placeSimilarity("Stadtpark Spielplatz", "Spielplatz Nord"))
        .isEqualTo(0.5);
    assertThat(LossMatching.placeSimilarity(null, "Bahnhof")).isZero();
  }
}
