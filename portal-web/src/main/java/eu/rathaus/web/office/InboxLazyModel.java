package eu.rathaus.web.office;

import eu.rathaus.cases.application.InboxPage;
import eu.rathaus.cases.application.InboxQuery;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The Posteingang's PrimeFaces table model: pages through {@code CaseInbox}'s keyset query, never
 * with an OFFSET (fast at a million cases). It remembers the cursor that starts each page index it
 * has reached, so page N+1 is fetched with the cursor after page N. A page index beyond the known
 * ones (possible only when the paginator knows the exact total) is reached by walking forward
 * through the cursors page by page — one query per page skipped.
 *
 * <p>Filters, search, view and order are fixed for the model's life: they come from the inbox's GET
 * form ({@link InboxView}), and a new form submission makes a new model. The table's own sorting
 * and filtering are not used. The row count is exact when the status counters give it (no filter
 * but status, first page); otherwise it counts the pages found so far plus one row when another
 * page is known to follow, so the paginator offers exactly the pages that exist as far as the clerk
 * has gone, and becomes exact once the last page has been seen.
 */
public class InboxLazyModel extends LazyDataModel<InboxView.RowView> {

  private static final long serialVersionUID = 1L;

  /** Fetches one keyset page; serializable because the model lives in the view scope. */
  public interface PageSource extends Function<InboxQuery, InboxPage>, Serializable {}

  private final QuerySnapshot query;
  private final PageSource source;
  private final Locale locale;
  private final Long exactCount;

  /**
   * Where page 0 starts: the cursor the request came with ({@code before} from a no-JavaScript
   * link).
   */
  private final String startBefore;

  /** cursors.get(i): the {@code after} cursor that starts page i (null for the first page). */
  private final List<String> cursors = new ArrayList<>();

  private int pageSize;
  private int lastPage = -1;
  private int lastPageRows;
  private transient InboxPage firstPage;

  /**
   * @param first the first page, already loaded by the request that rendered the inbox (it is shown
   *     without a second query)
   * @param exactCount the total from the counters, or null when the filters make it unknown
   */
  public InboxLazyModel(
      InboxQuery query, InboxPage first, Long exactCount, Locale locale, PageSource source) {
    this.query = QuerySnapshot.of(query);
    this.source = source;
    this.locale = locale;
    this.exactCount = exactCount;
    this.pageSize = Math.max(1, query.pageSize());
    this.firstPage = first;
    this.startBefore = query.after() == null ? query.before() : null;
    cursors.add(query.after());
    learn(0, first);
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    if (exactCount != null) {
      return (int) Math.min(Integer.MAX_VALUE, exactCount);
    }
    if (lastPage >= 0) {
      return lastPage * pageSize + lastPageRows;
    }
    return (cursors.size() - 1) * pageSize + 1;
  }

  @Override
  public List<InboxView.RowView> load(
      int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    if (size > 0 && size != pageSize) {
      restartWithPageSize(size);
    }
    int wanted = first / pageSize;
    InboxPage page;
    if (wanted == 0 && firstPage != null) {
      page = firstPage;
    } else {
      int index = Math.min(wanted, cursors.size() - 1);
      page = fetch(index);
      while (index < wanted && page.next() != null) {
        index++;
        page = fetch(index);
      }
    }
    firstPage = null;
    setRowCount(count(filterBy));
    return page.rows().stream().map(r -> new InboxView.RowView(r, locale)).toList();
  }

  @Override
  public String getRowKey(InboxView.RowView row) {
    return row.getCaseId();
  }

  /** The known cursors, for tests. */
  int knownPages() {
    return cursors.size();
  }

  private InboxPage fetch(int index) {
    InboxQuery q = query.toQuery(cursors.get(index), pageSize);
    InboxPage page =
        source.apply(index == 0 && startBefore != null ? q.withBefore(startBefore) : q);
    learn(index, page);
    return page;
  }

  private void learn(int index, InboxPage page) {
    if (page.next() != null) {
      if (cursors.size() == index + 1) {
        cursors.add(page.next());
      }
    } else {
      lastPage = index;
      lastPageRows = page.rows().size();
    }
  }

  private void restartWithPageSize(int size) {
    String start = cursors.get(0);
    cursors.clear();
    cursors.add(start);
    pageSize = size;
    lastPage = -1;
    firstPage = null;
  }

  /** The query's filters in serializable form (the model is kept in the view scope). */
  record QuerySnapshot(
      java.util.UUID serviceId,
      eu.rathaus.cases.domain.CaseStatus status,
      String view,
      boolean overdue,
      java.time.LocalDate from,
      java.time.LocalDate to,
      String search,
      eu.rathaus.cases.domain.CaseRepository.InboxSort sort)
      implements Serializable {

    static QuerySnapshot of(InboxQuery q) {
      return new QuerySnapshot(
          q.serviceId(), q.status(), q.view(), q.overdue(), q.from(), q.to(), q.search(), q.sort());
    }

    InboxQuery toQuery(String after, int size) {
      return new InboxQuery(
          serviceId, status, view, overdue, from, to, search, sort, after, null, size);
    }
  }
}
