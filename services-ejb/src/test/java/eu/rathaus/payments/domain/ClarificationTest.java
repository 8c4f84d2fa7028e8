package eu.rathaus.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Resolving a clarification needs a note and happens once. */
class ClarificationTest {

  private static Clarification open() {
    UUID m = UUID.randomUUID();
    StatementEntry entry =
        new StatementEntry(
            UUID.randomUUID(),
            UUID.randomUUID(),
            m,
            1,
            new BankEntry(
                "B1",
                2000,
                "EUR",
                true,
                LocalDate.of(2026, 11, 26),
                null,
                "ohne Kassenzeichen",
                "X",
                null),
            null,
            null,
            MatchOutcome.UNKNOWN_REFERENCE);
    return new Clarification(
        UUID.randomUUID(), entry, m, ClarificationReason.UNKNOWN_REFERENCE, Instant.now());
  }

  @Test
  void aNoteIsRequired() {
    Clarification c = open();
    assertThatThrownBy(() -> c.resolve("  ", "moritz", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.resolve(null, "moritz", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(c.status()).isEqualTo(Clarification.Status.OPEN);
  }

  @Test
  void resolvesOnceWithWhoAndWhen() {
    Clarification c = open();
    Instant at = Instant.parse("2026-11-27T10:00:00Z");
    c.resolve(" An Absender zurücküberwiesen ", "moritz", at);

    assertThat(c.status()).isEqualTo(Clarification.Status.RESOLVED);
    assertThat(c.resolutionNote()).isEqualTo("An Absender zurücküberwiesen");
    assertThat(c.resolvedBy()).isEqualTo("moritz");
    assertThat(c.resolvedAt()).isEqualTo(at);
    assertThatThrownBy(() -> c.resolve("nochmal", "moritz", at))
        .isInstanceOf(IllegalStateException.class);
  }
}
