package eu.rathaus.cases.application;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.cases.domain.CaseRepository.InboxSort;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.catalogue.domain.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbox's keyset cursor survives the round trip through a link; anything else starts over. */
class CaseInboxCursorTest {

  private final InboxPage.Row row =
      new InboxPage.Row(
          UUID.randomUUID(),
          "MUS-2026-000001",
          "Erika",
          new LocalizedText("Meldebescheinigung", null),
          CaseStatus.SUBMITTED,
          Instant.parse("2026-03-02T09:00:00.123456Z"),
          LocalDate.of(2026, 3, 12),
          false,
          null,
          null);

  @Test
  void aDueDateCursorNamesDateAndId() {
    String cursor = CaseInbox.Cursor.of(row, InboxSort.DUE);
    CaseInbox.Cursor parsed = CaseInbox.Cursor.parse(cursor, InboxSort.DUE).orElseThrow();
    assertThat(parsed.value()).isEqualTo(LocalDate.of(2026, 3, 12));
    assertThat(parsed.id()).isEqualTo(row.caseId());
  }

  @Test
  void aSubmissionCursorKeepsMicroseconds() {
    String cursor = CaseInbox.Cursor.of(row, InboxSort.SUBMITTED);
    assertThat(CaseInbox.Cursor.parse(cursor, InboxSort.SUBMITTED).orElseThrow().value())
        .isEqualTo(row.submittedAt());
  }

  @Test
  void malformedCursorsAreIgnored() {
    assertThat(CaseInbox.Cursor.parse("nonsense", InboxSort.DUE)).isEmpty();
    assertThat(CaseInbox.Cursor.parse("2026-13-01~" + UUID.randomUUID(), InboxSort.DUE)).isEmpty();
    assertThat(CaseInbox.Cursor.parse("2026-03-01~not-a-uuid", InboxSort.DUE)).isEmpty();
    assertThat(CaseInbox.Cursor.parse(CaseInbox.Cursor.of(row, InboxSort.DUE), InboxSort.SUBMITTED))
        .isEmpty();
  }
}
