package eu.rathaus.cases.infrastructure;

import eu.rathaus.cases.domain.CaseRepository.InboxFilter;
import eu.rathaus.cases.domain.CaseRepository.InboxSort;
import eu.rathaus.kernel.TenantScope;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of the back-office inbox and its counters, built without a database. It is its own pure
 * class so that two callers run the very same text: {@link JpaCaseRepository} (through JPA native
 * queries with named parameters) and the inbox benchmark (module {@code benchmarks}, through plain
 * JDBC at a million rows). A benchmark of a copy of the query would measure the copy.
 */
public final class InboxSql {

  /** The open statuses: what "unassigned" and the "mine" counter look at. */
  static final String OPEN = "('SUBMITTED','IN_REVIEW','WAITING_FOR_CITIZEN')";

  private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

  private InboxSql() {}

  /**
   * A named parameter and its JDBC-ready value ({@link Date}, {@link Timestamp}, {@link UUID},
   * String, Integer).
   */
  public record Parameter(String name, Object value) {}

  /** SQL with {@code :name} parameters, each used once, listed in the order they were added. */
  public record Statement(String sql, List<Parameter> parameters) {

    public Statement {
      parameters = List.copyOf(parameters);
    }

    /** The same SQL with JDBC's {@code ?} in place of every {@code :name}. */
    public String jdbcSql() {
      return NAMED.matcher(sql).replaceAll("?");
    }

    /** The values for {@link #jdbcSql()}, in the order the placeholders appear in the text. */
    public List<Object> jdbcValues() {
      Map<String, Object> byName = new HashMap<>();
      for (Parameter p : parameters) {
        byName.put(p.name(), p.value());
      }
      List<Object> values = new ArrayList<>();
      Matcher m = NAMED.matcher(sql);
      while (m.find()) {
        if (!byName.containsKey(m.group(1))) {
          throw new IllegalStateException("No value for :" + m.group(1));
        }
        values.add(byName.get(m.group(1)));
      }
      return values;
    }
  }

  /**
   * One page of the inbox: keyset pagination compares row values ({@code (due_date, id) > (?, ?)}),
   * which walks the V9 indexes straight to the page instead of counting past an OFFSET. Columns:
   * id, reference_number, applicant_name, title_de, title_en, status, submitted_at, due_date,
   * assignee_subject, assignee_name.
   */
  public static Statement page(UUID municipalityId, InboxFilter f, LocalDate today, int limit) {
    return page(municipalityId, f, today, limit, Set.of());
  }

  /**
   * As {@link #page(UUID, InboxFilter, LocalDate, int)} for staff holding {@code roles}: a case
   * reserved for a staff role (V65, a data protection request) is listed only to its holders.
   */
  public static Statement page(
      UUID municipalityId, InboxFilter f, LocalDate today, int limit, Set<String> roles) {
    StringBuilder sql =
        new StringBuilder(
            "select c.id, c.reference_number, c.applicant_name, d.title_de, d.title_en, c.status, c.submitted_at,"
                + " c.due_date, c.assignee_subject, c.assignee_name"
                + " from case_record c join service_definition d on d.id = c.definition_id"
                + " where c.municipality_id = :m");
    List<Parameter> params = new ArrayList<>();
    params.add(new Parameter("m", municipalityId));
    sql.append(staffRoles(roles, params));
    if (f.serviceId() != null) {
      sql.append(" and c.definition_id = :service");
      params.add(new Parameter("service", f.serviceId()));
    }
    if (f.status() != null) {
      sql.append(" and c.status = :status");
      params.add(new Parameter("status", f.status().name()));
    }
    if (f.unassigned()) {
      sql.append(" and c.assignee_subject is null and c.status in ").append(OPEN);
    } else if (f.assigneeSubject() != null) {
      sql.append(" and c.assignee_subject = :assignee");
      params.add(new Parameter("assignee", f.assigneeSubject()));
    }
    if (f.overdue()) {
      sql.append(" and c.status in ('SUBMITTED','IN_REVIEW') and c.due_date < :today");
      params.add(new Parameter("today", Date.valueOf(today)));
    }
    if (f.submittedFrom() != null) {
      sql.append(" and c.submitted_at >= :from");
      params.add(new Parameter("from", Timestamp.from(f.submittedFrom())));
    }
    if (f.submittedUntil() != null) {
      sql.append(" and c.submitted_at < :until");
      params.add(new Parameter("until", Timestamp.from(f.submittedUntil())));
    }
    if (f.search() != null) {
      // A reference number (or its beginning) or the beginning of the applicant's name. Prefixes
      // are
      // ranges under the byte-wise pattern operators (~>=~, ~<~): unlike LIKE and lower() they are
      // leakproof, so PostgreSQL may use the V16 indexes before checking row-level security.
      String reference = f.search().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
      sql.append(" and (")
          .append(
              prefix("c.applicant_name_key", "name", f.search().toLowerCase(Locale.ROOT), params));
      if (reference.length() >= 3) {
        sql.append(" or ").append(prefix("c.reference_number", "ref", reference, params));
      }
      sql.append(")");
    }
    String column = f.sort() == InboxSort.DUE ? "c.due_date" : "c.submitted_at";
    // DUE runs ascending (nearest deadline first), SUBMITTED descending (newest first); going
    // backwards (previous page) flips both the comparison and the order, and the caller reverses.
    boolean ascending = (f.sort() == InboxSort.DUE) != f.backwards();
    if (f.keyValue() != null && f.keyId() != null) {
      sql.append(" and (")
          .append(column)
          .append(", c.id) ")
          .append(ascending ? ">" : "<")
          .append(" (:key, :keyId)");
      params.add(
          new Parameter(
              "key",
              f.keyValue() instanceof LocalDate d
                  ? Date.valueOf(d)
                  : Timestamp.from((Instant) f.keyValue())));
      params.add(new Parameter("keyId", f.keyId()));
    }
    String direction = ascending ? " asc" : " desc";
    String order = " order by " + column + direction + ", c.id" + direction + " limit :limit";
    params.add(new Parameter("limit", limit));
    if (f.search() != null) {
      // A search finds few rows, but the planner cannot know how few: with ORDER BY … LIMIT it
      // walks the municipality's cases in page order hoping to meet matches early, which at a
      // million cases read them all (2 s). Finding the matches first (materialized: through the
      // prefix indexes) and sorting only those is bounded by the number of matches.
      return new Statement(
          "with found as materialized (" + sql + ") select c.* from found c" + order, params);
    }
    return new Statement(sql + order, params);
  }

  /**
   * How many of the municipality's cases stand in each status: rows of (status, count), from the
   * counts V16's trigger keeps (counting a million cases on every inbox page was the slow part).
   */
  public static Statement countByStatus(UUID municipalityId) {
    return countByStatus(municipalityId, Set.of());
  }

  /**
   * As {@link #countByStatus(UUID)} for staff holding {@code roles}: the counts are kept per
   * reserving staff role (V74), and only those of unreserved cases and of the roles held are
   * summed.
   */
  public static Statement countByStatus(UUID municipalityId, Set<String> roles) {
    List<Parameter> params = new ArrayList<>();
    params.add(new Parameter("m", municipalityId));
    return new Statement(
        "select s.status, sum(s.cases) from case_status_count s where s.municipality_id = :m"
            + staffRoles("s", roles, params)
            + " group by s.status",
        params);
  }

  /** The open cases assigned to one staff member (the "mine" counter). */
  public static Statement countAssignedTo(UUID municipalityId, String subject) {
    return new Statement(
        "select count(*) from case_record c where c.municipality_id = :m and c.assignee_subject = :s"
            + " and c.status in "
            + OPEN,
        List.of(new Parameter("m", municipalityId), new Parameter("s", subject)));
  }

  /**
   * {@code column} starts with {@code prefix}, as {@code column ~>=~ prefix and column ~<~ next}:
   * exact for any collation because the pattern operators compare bytes, and UTF-8's byte order is
   * its code point order.
   */
  static String prefix(String column, String name, String prefix, List<Parameter> params) {
    params.add(new Parameter(name + "From", prefix));
    String next = prefixUpperBound(prefix);
    if (next == null) {
      return "(" + column + " ~>=~ :" + name + "From)";
    }
    params.add(new Parameter(name + "To", next));
    return "(" + column + " ~>=~ :" + name + "From and " + column + " ~<~ :" + name + "To)";
  }

  /**
   * The smallest string greater than every string starting with {@code prefix}: its last code point
   * that can be raised, raised by one, the rest dropped. {@code null} when none can be (only
   * U+10FFFF): then "at least the prefix" already means "starts with it".
   */
  static String prefixUpperBound(String prefix) {
    int[] cps = prefix.codePoints().toArray();
    for (int i = cps.length - 1; i >= 0; i--) {
      if (cps[i] < Character.MAX_CODE_POINT) {
        int raised =
            cps[i] == Character.MIN_SURROGATE - 1 ? Character.MAX_SURROGATE + 1 : cps[i] + 1;
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < i; j++) {
          s.appendCodePoint(cps[j]);
        }
        return s.appendCodePoint(raised).toString();
      }
    }
    return null;
  }

  /** The open cases nobody is assigned to (the "unassigned" counter). */
  public static Statement countUnassignedOpen(UUID municipalityId) {
    return countUnassignedOpen(municipalityId, Set.of());
  }

  /** As {@link #countUnassignedOpen(UUID)}, counting only what staff holding {@code roles} see. */
  public static Statement countUnassignedOpen(UUID municipalityId, Set<String> roles) {
    List<Parameter> params = new ArrayList<>();
    params.add(new Parameter("m", municipalityId));
    String roleClause = staffRoles(roles, params);
    return new Statement(
        "select count(*) from case_record c where c.municipality_id = :m"
            + roleClause
            + " and c.assignee_subject is null and c.status in "
            + OPEN,
        params);
  }

  /** The staff roles a case may be reserved for (the check constraint of V65, V79). */
  static final Set<String> RESERVING_ROLES =
      Set.of(TenantScope.DATA_PROTECTION, TenantScope.REGISTER_CLERK);

  /**
   * The condition on {@code c.staff_role} for staff holding {@code roles}: unreserved cases, and
   * those reserved for a role they hold.
   */
  static String staffRoles(Set<String> roles, List<Parameter> params) {
    return staffRoles("c", roles, params);
  }

  /**
   * As {@link #staffRoles(Set, List)} on the {@code staff_role} column of table alias {@code
   * alias}.
   */
  static String staffRoles(String alias, Set<String> roles, List<Parameter> params) {
    List<String> held = roles.stream().filter(RESERVING_ROLES::contains).sorted().toList();
    if (held.isEmpty()) {
      return " and " + alias + ".staff_role is null";
    }
    StringBuilder clause =
        new StringBuilder(
            " and (" + alias + ".staff_role is null or " + alias + ".staff_role in (");
    for (int i = 0; i < held.size(); i++) {
      clause.append(i == 0 ? ":role" : ", :role").append(i);
      params.add(new Parameter("role" + i, held.get(i)));
    }
    return clause.append("))").toString();
  }
}
