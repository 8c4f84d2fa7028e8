package eu.rathaus.cases.application;

import eu.rathaus.cases.domain.CaseRepository.InboxSort;
import eu.rathaus.cases.domain.CaseStatus;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the clerk asked the inbox for: filters, search, order, and the page as a keyset cursor
 * ({@code after} = next page, {@code before} = previous page; both are opaque tokens from an {@link
 * InboxPage}). Every field may be null: no filter.
 *
 * @param view {@link #MINE}, {@link #UNASSIGNED} or null (all cases)
 */
public record InboxQuery(
    UUID serviceId,
    CaseStatus status,
    String view,
    boolean overdue,
    LocalDate from,
    LocalDate to,
    String search,
    InboxSort sort,
    String after,
    String before,
    int pageSize) {

  public static final String MINE = "mine";
  public static final String UNASSIGNED = "unassigned";

  /** Everything, nearest deadline first, first page. */
  public static InboxQuery all(int pageSize) {
    return new InboxQuery(
        null, null, null, false, null, null, null, InboxSort.DUE, null, null, pageSize);
  }

  public InboxQuery withAfter(String cursor) {
    return new InboxQuery(
        serviceId, status, view, overdue, from, to, search, sort, cursor, null, pageSize);
  }

  public InboxQuery withBefore(String cursor) {
    return new InboxQuery(
        serviceId, status, view, overdue, from, to, search, sort, null, cursor, pageSize);
  }

  public InboxQuery withView(String v) {
    return new InboxQuery(
        serviceId, status, v, overdue, from, to, search, sort, after, before, pageSize);
  }

  public InboxQuery withStatus(CaseStatus s) {
    return new InboxQuery(
        serviceId, s, view, overdue, from, to, search, sort, after, before, pageSize);
  }

  public InboxQuery withSearch(String text) {
    return new InboxQuery(
        serviceId, status, view, overdue, from, to, text, sort, after, before, pageSize);
  }

  public InboxQuery withOverdue(boolean only) {
    return new InboxQuery(
        serviceId, status, view, only, from, to, search, sort, after, before, pageSize);
  }

  public InboxQuery withService(UUID service) {
    return new InboxQuery(
        service, status, view, overdue, from, to, search, sort, after, before, pageSize);
  }

  public InboxQuery withSort(InboxSort order) {
    return new InboxQuery(
        serviceId, status, view, overdue, from, to, search, order, after, before, pageSize);
  }

  public InboxQuery withDates(LocalDate first, LocalDate last) {
    return new InboxQuery(
        serviceId, status, view, overdue, first, last, search, sort, after, before, pageSize);
  }
}
