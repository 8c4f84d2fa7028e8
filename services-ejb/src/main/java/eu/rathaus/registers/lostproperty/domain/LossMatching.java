package eu.rathaus.registers.lostproperty.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Which found items may be the one a loss report describes, best first.
 *
 * <p>A found item is a candidate when its category is the report's (or either is "other") and it
 * was found in the window from {@link #DAYS_BEFORE} days before the day of the loss (people misdate
 * a loss they notice late) to {@link #DAYS_AFTER} days after it. Candidates are ranked by a score:
 * the category (1 for the same, ½ through "other"), the words the places share (0–1), the full-text
 * similarity of the descriptions that PostgreSQL computes ({@code ts_rank}, mapped to 0–1) and how
 * close the dates are (0–½). At most {@link #LIMIT} suggestions are shown; the clerk decides.
 */
public final class LossMatching {

  public static final int DAYS_BEFORE = 3;
  public static final int DAYS_AFTER = 30;
  public static final int LIMIT = 5;

  private static final Set<String> STOP_WORDS =
      Set.of(
          "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "oder", "bei",
          "beim", "vor", "von", "vom", "zum", "zur", "mit", "auf", "aus", "nahe", "neben", "the",
          "and", "near");

  private LossMatching() {}

  /** What a loss report says about the lost item. */
  public record LossReport(
      UUID caseId,
      String reference,
      ItemCategory category,
      LocalDate lostOn,
      String place,
      String description)
      implements Serializable {}

  /** A found item with PostgreSQL's text rank of its description against the report's. */
  public record Candidate(PublicFoundItem item, double textRank) implements Serializable {

    public ItemCategory category() {
      return item.category();
    }

    public LocalDate foundOn() {
      return item.foundOn();
    }
  }

  /** A candidate with its score. */
  public record Suggestion(Candidate candidate, double score) implements Serializable {}

  /** First day a matching item may have been found. */
  public static LocalDate windowStart(LocalDate lostOn) {
    return lostOn.minusDays(DAYS_BEFORE);
  }

  /** Last day a matching item may have been found. */
  public static LocalDate windowEnd(LocalDate lostOn) {
    return lostOn.plusDays(DAYS_AFTER);
  }

  public static boolean categoriesFit(ItemCategory lost, ItemCategory found) {
    return lost == found || lost == ItemCategory.OTHER || found == ItemCategory.OTHER;
  }

  public static boolean inWindow(LocalDate lostOn, LocalDate foundOn) {
    return !foundOn.isBefore(windowStart(lostOn)) && !foundOn.isAfter(windowEnd(lostOn));
  }

  /** The candidates that fit the report, best first, at most {@link #LIMIT}. */
  public static List<Suggestion> suggest(LossReport report, List<Candidate> candidates) {
    return candidates.stream()
        .filter(c -> categoriesFit(report.category(), c.category()))
        .filter(c -> inWindow(report.lostOn(), c.foundOn()))
        .map(c -> new Suggestion(c, score(report, c)))
        .sorted(
            Comparator.comparingDouble(Suggestion::score)
                .reversed()
                .thenComparing(s -> s.candidate().foundOn())
                .thenComparing(s -> s.candidate().item().id()))
        .limit(LIMIT)
        .toList();
  }

  /** The score of a candidate that fits (see the class comment). */
  public static double score(LossReport report, Candidate candidate) {
    double category = report.category() == candidate.category() ? 1.0 : 0.5;
    double place = placeSimilarity(report.place(), candidate.item().foundPlace());
    double text = Math.max(0, candidate.textRank());
    double textScore = text / (text + 0.1);
    long days = Math.abs(ChronoUnit.DAYS.between(report.lostOn(), candidate.foundOn()));
    double closeness = 0.5 * Math.max(0, 1.0 - (double) days / DAYS_AFTER);
    return category + place + textScore + closeness;
  }

  /**
   * How many of the words of the shorter place description the other one has too (0–1). Words are
   * compared in lower case without stop words; a word of at least four letters also matches a
   * longer one it begins (Marktplatz, Marktplatzes).
   */
  public static double placeSimilarity(String a, String b) {
    Set<String> left = words(a);
    Set<String> right = words(b);
    if (left.isEmpty() || right.isEmpty()) {
      return 0;
    }
    Set<String> shorter = left.size() <= right.size() ? left : right;
    Set<String> longer = shorter == left ? right : left;
    long shared = shorter.stream().filter(w -> longer.stream().anyMatch(o -> same(w, o))).count();
    return (double) shared / shorter.size();
  }

  private static boolean same(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    return shorter.length() >= 4 && longer.startsWith(shorter);
  }

  static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    for (String word : text.toLowerCase(Locale.GERMAN).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }
}
