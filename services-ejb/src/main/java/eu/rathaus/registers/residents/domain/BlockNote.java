package eu.rathaus.registers.residents.domain;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A blocking note on a record: an Auskunftssperre (§ 51 BMG, a threat to life, health or freedom)
 * or a bedingter Sperrvermerk (§ 52 BMG). Effective from {@code since} until {@code until}
 * (inclusive; {@code null}: no end).
 */
public record BlockNote(Kind kind, String reason, LocalDate since, LocalDate until)
    implements Serializable {

  /** The two kinds of blocking notes of the Bundesmeldegesetz. */
  public enum Kind {
    AUSKUNFTSSPERRE,
    SPERRVERMERK
  }

  public boolean isEffectiveOn(LocalDate day) {
    return !day.isBefore(since) && (until == null || !day.isAfter(until));
  }

  public Kind getKind() {
    return kind;
  }

  public String getReason() {
    return reason;
  }

  public LocalDate getSince() {
    return since;
  }

  public LocalDate getUntil() {
    return until;
  }
}
