package eu.rathaus.cases.application;

import eu.rathaus.cases.domain.CaseRepository;
import eu.rathaus.cases.domain.CaseRepository.InboxEntry;
import eu.rathaus.cases.domain.CaseRepository.InboxFilter;
import eu.rathaus.cases.domain.CaseRepository.InboxSort;
import eu.rathaus.cases.domain.Deadline;
import eu.rathaus.cases.domain.StaffMember;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The inbox ("Posteingang") of the caller's municipality: filtered, searched and sorted cases, one
 * page at a time by keyset (the cursor is the last row's sort value and id — never an OFFSET, so
 * every page is equally fast), with counters per status and for "mine" and "unassigned".
 *
 * <p>Staff only, and only their own municipality: the municipality comes from the caller's tenant
 * scope, never from a parameter, and row-level security checks it again.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CaseInbox {

  /** Upper bound of a page, whatever the caller asks for. */
  static final int MAX_PAGE = 100;

  private static final int MAX_SEARCH = 100;

  @Inject CaseRepository cases;
  @Inject ServiceDefinitionRepository definitions;
  @Inject CallerScope caller;

  Clock clock = Clock.systemUTC();

  /**
   * One page of the inbox (see {@link InboxQuery}). A malformed cursor starts at the first page.
   */
  public InboxPage page(InboxQuery query) {
    TenantScope scope = StaffScope.require(caller);
    UUID municipality = scope.municipalityId();
    Instant now = clock.instant();
    LocalDate today = now.atZone(Deadline.AUTHORITY_ZONE).toLocalDate();
    InboxSort sort = query.sort() == null ? InboxSort.DUE : query.sort();
    int size = Math.max(1, Math.min(query.pageSize(), MAX_PAGE));
    boolean backwards = query.before() != null && query.after() == null;
    Optional<Cursor> cursor = Cursor.parse(backwards ? query.before() : query.after(), sort);
    if (cursor.isEmpty()) {
      backwards = false;
    }
    // Control and format characters go before SQL: PostgreSQL refuses NUL in text outright (q=%00
    // was a 500), and none of them can be part of a reference or a name.
    String cleaned =
        query.search() == null ? null : query.search().replaceAll("[\\p{Cntrl}\\p{Cf}]", " ");
    String search = cleaned == null || cleaned.isBlank() ? null : cleaned.strip();
    if (search != null && search.length() > MAX_SEARCH) {
      search = search.substring(0, MAX_SEARCH);
    }
    InboxFilter filter =
        new InboxFilter(
            query.serviceId(),
            query.status(),
            InboxQuery.MINE.equals(query.view()) ? scope.subject() : null,
            InboxQuery.UNASSIGNED.equals(query.view()),
            query.overdue(),
            startOfDay(query.from()),
            startOfDay(query.to() == null ? null : query.to().plusDays(1)),
            search,
            sort,
            cursor.map(Cursor::value).orElse(null),
            cursor.map(Cursor::id).orElse(null),
            backwards);
    List<InboxEntry> found = new ArrayList<>(cases.inbox(municipality, filter, today, size + 1));
    boolean more = found.size() > size;
    if (more) {
      found = new ArrayList<>(found.subList(0, size));
    }
    if (backwards) {
      Collections.reverse(found);
    }
    List<InboxPage.Row> rows =
        found.stream()
            .map(
                e ->
                    new InboxPage.Row(
                        e.caseId(),
                        e.reference(),
                        e.applicantName(),
                        new LocalizedText(e.serviceTitleDe(), e.serviceTitleEn()),
                        e.status(),
                        e.submittedAt(),
                        e.dueDate(),
                        Deadline.isOverdue(e.dueDate(), e.status(), now),
                        e.assigneeSubject(),
                        e.assigneeName()))
            .toList();
    String next = null;
    String previous = null;
    if (!rows.isEmpty()) {
      boolean hasNext = backwards || more;
      boolean hasPrevious = backwards ? more : cursor.isPresent();
      next = hasNext ? Cursor.of(rows.get(rows.size() - 1), sort) : null;
      previous = hasPrevious ? Cursor.of(rows.get(0), sort) : null;
    }
    return new InboxPage(
        rows,
        next,
        previous,
        cases.countByStatus(municipality),
        cases.countAssignedTo(municipality, scope.subject()),
        cases.countUnassignedOpen(municipality));
  }

  /** The municipality's services, for the inbox's service filter. */
  public List<ServiceOption> services() {
    TenantScope scope = StaffScope.require(caller);
    return definitions.findAll(scope.municipalityId()).stream()
        .map(d -> new ServiceOption(d.id(), d.title()))
        .toList();
  }

  /**
   * Notes that the signed-in staff member works in the back office, under the name their identity
   * provider gives: they appear among the colleagues a case can be reassigned to. Called on every
   * back-office page; writes only when the person is new or the name changed.
   */
  public void present(String displayName) {
    TenantScope scope = StaffScope.require(caller);
    String name =
        displayName == null || displayName.isBlank() ? scope.subject() : displayName.strip();
    String bounded = name.length() > 200 ? name.substring(0, 200) : name;
    Optional<StaffMember> known = cases.staffMember(scope.municipalityId(), scope.subject());
    if (known.isEmpty()) {
      cases.addStaffMember(
          new StaffMember(scope.municipalityId(), scope.subject(), bounded, clock.instant()));
    } else if (!known.get().displayName().equals(bounded)) {
      known.get().seen(bounded, clock.instant());
    }
  }

  /** The colleagues of the caller's municipality a case can be assigned to, by name. */
  public List<Colleague> colleagues() {
    TenantScope scope = StaffScope.require(caller);
    return cases.staff(scope.municipalityId()).stream()
        .map(s -> new Colleague(s.subject(), s.displayName()))
        .toList();
  }

  private static Instant startOfDay(LocalDate date) {
    return date == null ? null : date.atStartOfDay(Deadline.AUTHORITY_ZONE).toInstant();
  }

  /** A service in the filter. */
  public record ServiceOption(UUID id, LocalizedText title) implements Serializable {
    public UUID getId() {
      return id;
    }

    public LocalizedText getTitle() {
      return title;
    }
  }

  /** A staff member a case can be assigned to. */
  public record Colleague(String subject, String name) implements Serializable {
    public String getSubject() {
      return subject;
    }

    public String getName() {
      return name;
    }
  }

  /** The keyset cursor: "sort value~id", e.g. {@code 2026-12-01~<uuid>} — opaque to the page. */
  record Cursor(Object value, UUID id) {

    static String of(InboxPage.Row row, InboxSort sort) {
      return (sort == InboxSort.DUE ? row.dueDate().toString() : row.submittedAt().toString())
          + "~"
          + row.caseId();
    }

    static Optional<Cursor> parse(String text, InboxSort sort) {
      if (text == null) {
        return Optional.empty();
      }
      int split = text.indexOf('~');
      if (split < 0) {
        return Optional.empty();
      }
      try {
        Object value =
            sort == InboxSort.DUE
                ? LocalDate.parse(text.substring(0, split))
                : Instant.parse(text.substring(0, split));
        return Optional.of(new Cursor(value, UUID.fromString(text.substring(split + 1))));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
  }
}
