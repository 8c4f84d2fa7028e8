package eu.rathaus.web.office;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.cases.application.InboxPage;
import eu.rathaus.cases.application.InboxQuery;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.catalogue.domain.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The table model pages by keyset cursors: page N+1 is asked for with the cursor after page N. */
class InboxLazyModelTest {

  /** Seven cases, pages of three: cursors are "c<index of the last row>". */
  static final class FakeInbox implements InboxLazyModel.PageSource {
    private static final long serialVersionUID = 1L;
    final List<String> asked = new ArrayList<>();

    @Override
    public InboxPage apply(InboxQuery q) {
      asked.add(q.after() == null ? "-" : q.after());
      int start = q.after() == null ? 0 : Integer.parseInt(q.after().substring(1)) + 1;
      List<InboxPage.Row> rows = new ArrayList<>();
      for (int i = start; i < Math.min(7, start + q.pageSize()); i++) {
        rows.add(
            new InboxPage.Row(
                UUID.randomUUID(),
                "R-" + i,
                "A",
                new LocalizedText("D", "E"),
                CaseStatus.SUBMITTED,
                Instant.EPOCH,
                LocalDate.EPOCH,
                false,
                null,
                null));
      }
      String next = start + q.pageSize() < 7 ? "c" + (start + q.pageSize() - 1) : null;
      return new InboxPage(rows, next, null, Map.of(), 0, 0);
    }
  }

  private static List<String> refs(List<InboxView.RowView> rows) {
    return rows.stream().map(InboxView.RowView::getReference).toList();
  }

  @Test
  void pagesForwardWithTheCursorOfThePreviousPageAndReusesTheFirstPage() {
    FakeInbox inbox = new FakeInbox();
    InboxQuery query = InboxQuery.all(3);
    InboxLazyModel model =
        new InboxLazyModel(query, inbox.apply(query), null, Locale.GERMAN, inbox);
    inbox.asked.clear();

    assertThat(model.count(Map.of()))
        .as("two pages known: the paginator offers page 2")
        .isEqualTo(4);
    assertThat(refs(model.load(0, 3, Map.of(), Map.of()))).containsExactly("R-0", "R-1", "R-2");
    assertThat(inbox.asked).as("the first page is not queried again").isEmpty();
    assertThat(refs(model.load(3, 3, Map.of(), Map.of()))).containsExactly("R-3", "R-4", "R-5");
    assertThat(refs(model.load(6, 3, Map.of(), Map.of()))).containsExactly("R-6");
    assertThat(inbox.asked).containsExactly("c2", "c5");
    assertThat(model.getRowCount()).as("exact once the last page was seen").isEqualTo(7);
    assertThat(refs(model.load(3, 3, Map.of(), Map.of()))).containsExactly("R-3", "R-4", "R-5");
    assertThat(inbox.asked).last().isEqualTo("c2");
  }

  @Test
  void aFarJumpWalksForwardThroughTheCursors() {
    FakeInbox inbox = new FakeInbox();
    InboxQuery query = InboxQuery.all(3);
    InboxLazyModel model = new InboxLazyModel(query, inbox.apply(query), 7L, Locale.GERMAN, inbox);
    inbox.asked.clear();

    assertThat(model.count(Map.of())).isEqualTo(7);
    assertThat(refs(model.load(6, 3, Map.of(), Map.of()))).containsExactly("R-6");
    assertThat(inbox.asked).containsExactly("c2", "c5");
    assertThat(model.knownPages()).isEqualTo(3);
  }
}
