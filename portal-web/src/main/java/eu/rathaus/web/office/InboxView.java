package eu.rathaus.web.office;

import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.InboxPage;
import eu.rathaus.cases.application.InboxQuery;
import eu.rathaus.cases.domain.CaseRepository.InboxSort;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.session.LocaleSelection;
import eu.rathaus.web.session.SessionUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Backing bean of {@code office/inbox.xhtml} ("Posteingang"). It is loaded on GET only (the view
 * action); the table's AJAX requests are served by the view-scoped {@link InboxTable}, and during
 * them this bean's getters answer empty rather than failing.
 *
 * <p>Everything the clerk chooses travels as GET parameters — filters, search, order, and the
 * keyset cursor of the page — so every view of the inbox is a bookmarkable address and works
 * without JavaScript. Unknown or malformed values are ignored (the inbox shows more, never an
 * error).
 */
@Named
@RequestScoped
public class InboxView {

  static final int PAGE_SIZE = 25;

  @Inject CaseInbox inbox;
  @Inject SessionUser sessionUser;
  @Inject LocaleSelection localeSelection;
  @Inject HttpServletRequest request;
  @Inject InboxTable table;

  /** The search text (URL parameter {@code q}). */
  private String search;

  private boolean searchCleaned;

  /**
   * Characters no reference number or name contains: controls (NUL, line breaks) and format marks.
   */
  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("[\\p{Cntrl}\\p{Cf}]");

  private String service;
  private String status;
  private String view;
  private boolean overdue;
  private String from;
  private String to;
  private String sort;
  private Integer rows;
  private InboxQuery query;
  private InboxPage page;

  /** f:viewAction: reads the parameters and loads one page. */
  public void load() {
    if (sessionUser.tenantScope().kind() != TenantScope.Kind.STAFF) {
      OfficeTexts.forbidden();
      return;
    }
    inbox.present(sessionUser.getUser().displayName());
    String rawSearch = request.getParameter("q");
    // A search from the URL may carry anything; control characters (NUL above all) are dropped and
    // the clerk is told, instead of PostgreSQL refusing the query with an error page.
    searchCleaned = rawSearch != null && CONTROL.matcher(rawSearch).find();
    search = trimmed(rawSearch == null ? null : CONTROL.matcher(rawSearch).replaceAll(" "));
    UUID serviceId = uuid(request.getParameter("service"));
    service = serviceId == null ? null : serviceId.toString();
    CaseStatus statusFilter = status(request.getParameter("status"));
    status = statusFilter == null ? null : statusFilter.name();
    String v = request.getParameter("view");
    view = InboxQuery.MINE.equals(v) || InboxQuery.UNASSIGNED.equals(v) ? v : null;
    overdue = request.getParameter("overdue") != null;
    LocalDate fromDate = date(request.getParameter("from"));
    LocalDate toDate = date(request.getParameter("to"));
    from = fromDate == null ? null : fromDate.toString();
    to = toDate == null ? null : toDate.toString();
    InboxSort order =
        "submitted".equals(request.getParameter("sort")) ? InboxSort.SUBMITTED : InboxSort.DUE;
    sort = order == InboxSort.SUBMITTED ? "submitted" : "due";
    rows = pageSize(request.getParameter("rows"));
    query =
        new InboxQuery(
            serviceId,
            statusFilter,
            view,
            overdue,
            fromDate,
            toDate,
            search,
            order,
            trimmed(request.getParameter("after")),
            trimmed(request.getParameter("before")),
            rows == null ? PAGE_SIZE : rows);
    page = inbox.page(query);
    table.start(query, page, exactCount(), localeSelection.getLocale());
  }

  /**
   * The total the table's paginator can trust: the status counters give it when nothing but the
   * status is filtered and the table starts at the first page; otherwise null (the model counts the
   * pages it has found).
   */
  private Long exactCount() {
    boolean onlyStatus =
        query.serviceId() == null
            && query.view() == null
            && !query.overdue()
            && query.from() == null
            && query.to() == null
            && query.search() == null
            && query.after() == null
            && query.before() == null;
    if (!onlyStatus) {
      return null;
    }
    return query.status() == null
        ? page.counts().values().stream().mapToLong(Long::longValue).sum()
        : page.counts().getOrDefault(query.status(), 0L);
  }

  /** Optional {@code rows} parameter (1–100): a bookmarkable page size, also used by tests. */
  private static Integer pageSize(String text) {
    try {
      int n = text == null || text.isBlank() ? 0 : Integer.parseInt(text.strip());
      return n >= 1 && n <= 100 && n != PAGE_SIZE ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public List<RowView> getRows() {
    if (page == null) {
      return List.of();
    }
    Locale locale = localeSelection.getLocale();
    return page.rows().stream().map(r -> new RowView(r, locale)).toList();
  }

  /** Link to the next page (same filters), or null on the last page. */
  public String getNextHref() {
    return page == null || page.next() == null ? null : href(filters(), "after", page.next());
  }

  public String getPreviousHref() {
    return page == null || page.previous() == null
        ? null
        : href(filters(), "before", page.previous());
  }

  /** Link of one of the views "Alle", "Meine", "Nicht zugewiesen" (other filters reset). */
  public String viewHref(String v) {
    Map<String, String> params = new LinkedHashMap<>();
    if (v != null && !v.isEmpty()) {
      params.put("view", v);
    }
    return href(params, null, null);
  }

  /** Link of a status counter: all cases in that status. */
  public String statusHref(String s) {
    return href(Map.of("status", s), null, null);
  }

  public List<Counter> getCounters() {
    List<Counter> counters = new ArrayList<>();
    if (page == null) {
      return counters;
    }
    for (CaseStatus s : CaseStatus.values()) {
      counters.add(
          new Counter(
              s.name(),
              OfficeTexts.text(s.messageKey()),
              page.counts().getOrDefault(s, 0L),
              s.name().equals(status)));
    }
    return counters;
  }

  public List<SelectItem> getServiceOptions() {
    Locale locale = localeSelection.getLocale();
    List<SelectItem> items = new ArrayList<>();
    items.add(new SelectItem("", OfficeTexts.text("office.filter.allServices")));
    inbox
        .services()
        .forEach(s -> items.add(new SelectItem(s.id().toString(), s.title().in(locale))));
    return items;
  }

  public List<SelectItem> getStatusOptions() {
    List<SelectItem> items = new ArrayList<>();
    items.add(new SelectItem("", OfficeTexts.text("office.filter.allStatuses")));
    for (CaseStatus s : CaseStatus.values()) {
      items.add(new SelectItem(s.name(), OfficeTexts.text(s.messageKey())));
    }
    return items;
  }

  public List<SelectItem> getViewOptions() {
    return List.of(
        new SelectItem("", OfficeTexts.text("office.view.all")),
        new SelectItem(InboxQuery.MINE, OfficeTexts.text("office.view.mine")),
        new SelectItem(InboxQuery.UNASSIGNED, OfficeTexts.text("office.view.unassigned")));
  }

  public List<SelectItem> getSortOptions() {
    return List.of(
        new SelectItem("due", OfficeTexts.text("office.sort.due")),
        new SelectItem("submitted", OfficeTexts.text("office.sort.submitted")));
  }

  private Map<String, String> filters() {
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "q", search);
    put(params, "service", service);
    put(params, "status", status);
    put(params, "view", view);
    if (overdue) {
      params.put("overdue", "on");
    }
    put(params, "from", from);
    put(params, "to", to);
    put(params, "sort", sort);
    if (rows != null) {
      params.put("rows", rows.toString());
    }
    return params;
  }

  private String href(Map<String, String> params, String extraName, String extraValue) {
    StringBuilder url = new StringBuilder(request.getContextPath()).append("/office/inbox.xhtml");
    Map<String, String> all = new LinkedHashMap<>(params);
    if (extraName != null) {
      all.put(extraName, extraValue);
    }
    char sep = '?';
    for (Map.Entry<String, String> e : all.entrySet()) {
      url.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return url.toString();
  }

  private static void put(Map<String, String> params, String name, String value) {
    if (value != null && !value.isEmpty()) {
      params.put(name, value);
    }
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static UUID uuid(String text) {
    try {
      return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static CaseStatus status(String text) {
    try {
      return text == null || text.isBlank() ? null : CaseStatus.valueOf(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** True when the search text from the URL had control characters, which were removed. */
  public boolean isSearchCleaned() {
    return searchCleaned;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getView() {
    return view == null ? "" : view;
  }

  public void setView(String view) {
    this.view = view;
  }

  public boolean isOverdue() {
    return overdue;
  }

  public void setOverdue(boolean overdue) {
    this.overdue = overdue;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public long getMineCount() {
    return page == null ? 0 : page.mine();
  }

  public long getUnassignedCount() {
    return page == null ? 0 : page.unassigned();
  }

  /** The page size asked for with {@code rows}, or null for the default. */
  public Integer getPageSize() {
    return rows;
  }

  public boolean isNoCases() {
    return page != null && page.rows().isEmpty();
  }

  /** A counter above the table. */
  public record Counter(String status, String label, long count, boolean current) {
    public String getStatus() {
      return status;
    }

    public String getLabel() {
      return label;
    }

    public long getCount() {
      return count;
    }

    public boolean isCurrent() {
      return current;
    }
  }

  /** One row as the table shows it. */
  public static final class RowView implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final InboxPage.Row row;
    private final Locale locale;

    RowView(InboxPage.Row row, Locale locale) {
      this.row = row;
      this.locale = locale;
    }

    public String getCaseId() {
      return row.caseId().toString();
    }

    public String getReference() {
      return row.reference();
    }

    public String getApplicant() {
      return row.applicantName() == null ? "–" : row.applicantName();
    }

    public String getService() {
      return row.serviceTitle().in(locale);
    }

    public String getStatus() {
      return OfficeTexts.text(row.status().messageKey());
    }

    public String getSubmitted() {
      return OfficeTexts.time(row.submittedAt(), locale);
    }

    public String getDue() {
      return OfficeTexts.date(row.dueDate(), locale);
    }

    public boolean isOverdue() {
      return row.overdue();
    }

    public String getAssignee() {
      return row.assigneeName();
    }
  }
}
