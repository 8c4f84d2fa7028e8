package eu.rathaus.cases.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.cases.domain.CaseRepository.InboxFilter;
import eu.rathaus.cases.domain.CaseRepository.InboxSort;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.kernel.TenantScope;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbox SQL the portal and the benchmark share: filters, keyset cursor, and its JDBC form. */
class InboxSqlTest {

  private static final UUID M = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID KEY_ID = UUID.fromString("00000000-0000-0000-0000-000000000042");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  private static InboxFilter filter(
      CaseStatus status,
      String assignee,
      boolean overdue,
      String search,
      InboxSort sort,
      Object key,
      UUID keyId,
      boolean backwards) {
    return new InboxFilter(
        null, status, assignee, false, overdue, null, null, search, sort, key, keyId, backwards);
  }

  @Test
  void theFirstPageIsTheMunicipalityInDueOrder() {
    InboxSql.Statement s =
        InboxSql.page(
            M, filter(null, null, false, null, InboxSort.DUE, null, null, false), TODAY, 51);
    assertThat(s.sql())
        .endsWith(
            "where c.municipality_id = :m and c.staff_role is null"
                + " order by c.due_date asc, c.id asc limit :limit");
    assertThat(s.jdbcValues()).containsExactly(M, 51);
  }

  @Test
  void casesReservedForAStaffRoleAreListedOnlyToItsHolders() {
    InboxFilter all = filter(null, null, false, null, InboxSort.DUE, null, null, false);
    assertThat(InboxSql.page(M, all, TODAY, 51, Set.of("clerk", "municipal-admin")).sql())
        .contains("where c.municipality_id = :m and c.staff_role is null order by");
    InboxSql.Statement officer =
        InboxSql.page(M, all, TODAY, 51, Set.of("clerk", TenantScope.DATA_PROTECTION));
    assertThat(officer.sql())
        .contains(
            "where c.municipality_id = :m"
                + " and (c.staff_role is null or c.staff_role in (:role0)) order by");
    assertThat(officer.jdbcValues()).containsExactly(M, TenantScope.DATA_PROTECTION, 51);
    assertThat(InboxSql.countUnassignedOpen(M, Set.of(TenantScope.DATA_PROTECTION)).jdbcValues())
        .containsExactly(M, TenantScope.DATA_PROTECTION);
    assertThat(InboxSql.countUnassignedOpen(M).sql()).contains("and c.staff_role is null");
  }

  @Test
  void changeOfAddressCasesAreListedAndCountedOnlyForRegisterClerks() {
    InboxFilter all = filter(null, null, false, null, InboxSort.DUE, null, null, false);
    Set<String> registerClerk = Set.of("clerk", TenantScope.REGISTER_CLERK);
    InboxSql.Statement page = InboxSql.page(M, all, TODAY, 51, registerClerk);
    assertThat(page.sql()).contains("(c.staff_role is null or c.staff_role in (:role0))");
    assertThat(page.jdbcValues()).containsExactly(M, TenantScope.REGISTER_CLERK, 51);
    assertThat(InboxSql.countByStatus(M, registerClerk).jdbcValues())
        .containsExactly(M, TenantScope.REGISTER_CLERK);
    assertThat(InboxSql.countUnassignedOpen(M, registerClerk).jdbcValues())
        .containsExactly(M, TenantScope.REGISTER_CLERK);
    assertThat(
            InboxSql.countUnassignedOpen(
                    M, Set.of(TenantScope.REGISTER_CLERK, TenantScope.DATA_PROTECTION))
                .jdbcValues())
        .containsExactly(M, TenantScope.DATA_PROTECTION, TenantScope.REGISTER_CLERK);
  }

  @Test
  void statusCountsSumOnlyTheRolesTheCallerHolds() {
    InboxSql.Statement clerk = InboxSql.countByStatus(M, Set.of("clerk", "municipal-admin"));
    assertThat(clerk.sql()).contains("and s.staff_role is null group by s.status");
    assertThat(clerk.jdbcValues()).containsExactly(M);
    InboxSql.Statement officer =
        InboxSql.countByStatus(M, Set.of("clerk", TenantScope.DATA_PROTECTION));
    assertThat(officer.sql())
        .contains("and (s.staff_role is null or s.staff_role in (:role0)) group by s.status");
    assertThat(officer.jdbcValues()).containsExactly(M, TenantScope.DATA_PROTECTION);
  }

  @Test
  void aCursorComparesRowValuesInTheSortDirection() {
    InboxSql.Statement next =
        InboxSql.page(
            M,
            filter(null, null, false, null, InboxSort.DUE, LocalDate.of(2026, 3, 1), KEY_ID, false),
            TODAY,
            51);
    assertThat(next.sql())
        .contains("and (c.due_date, c.id) > (:key, :keyId) order by c.due_date asc, c.id asc");
    assertThat(next.jdbcValues()).containsExactly(M, Date.valueOf("2026-03-01"), KEY_ID, 51);

    InboxSql.Statement previous =
        InboxSql.page(
            M,
            filter(null, null, false, null, InboxSort.DUE, LocalDate.of(2026, 3, 1), KEY_ID, true),
            TODAY,
            51);
    assertThat(previous.sql())
        .contains("(c.due_date, c.id) < (:key, :keyId) order by c.due_date desc, c.id desc");
  }

  @Test
  void filtersAddTheirConditionsAndValuesInOrder() {
    InboxSql.Statement s =
        InboxSql.page(
            M,
            filter(CaseStatus.IN_REVIEW, "clerk-1", true, null, InboxSort.DUE, null, null, false),
            TODAY,
            10);
    assertThat(s.sql())
        .contains(
            "c.status = :status",
            "c.assignee_subject = :assignee",
            "c.status in ('SUBMITTED','IN_REVIEW') and c.due_date < :today");
    assertThat(s.jdbcValues()).containsExactly(M, "IN_REVIEW", "clerk-1", Date.valueOf(TODAY), 10);
  }

  @Test
  void searchIsAPrefixRangeOnTheLoweredNameOrTheReference() {
    InboxSql.Statement s =
        InboxSql.page(
            M,
            filter(null, null, false, "Mus_t%", InboxSort.SUBMITTED, null, null, false),
            TODAY,
            10);
    assertThat(s.sql())
        .contains(
            "and ((c.applicant_name_key ~>=~ :nameFrom and c.applicant_name_key ~<~ :nameTo)"
                + " or (c.reference_number ~>=~ :refFrom and c.reference_number ~<~ :refTo))");
    // Wildcards are plain characters in a range: nothing to escape.
    assertThat(s.jdbcValues()).containsExactly(M, "mus_t%", "mus_t&", "MUST", "MUSU", 10);
    assertThat(s.sql())
        .startsWith("with found as materialized (select c.id,")
        .endsWith(") select c.* from found c order by c.submitted_at desc, c.id desc limit :limit");
  }

  @Test
  void aShortSearchLooksAtNamesOnly() {
    InboxSql.Statement s =
        InboxSql.page(
            M, filter(null, null, false, "Ö", InboxSort.DUE, null, null, false), TODAY, 10);
    assertThat(s.sql()).doesNotContain("c.reference_number ~>=~");
    assertThat(s.jdbcValues()).containsExactly(M, "ö", "÷", 10);
  }

  @Test
  void theUpperBoundRaisesTheLastCodePointThatCanBeRaised() {
    assertThat(InboxSql.prefixUpperBound("erika must")).isEqualTo("erika musu");
    assertThat(InboxSql.prefixUpperBound("a\uD7FF")).isEqualTo("a\uE000");
    assertThat(InboxSql.prefixUpperBound("a\uD83D\uDE00")).isEqualTo("a\uD83D\uDE01");
    assertThat(
            InboxSql.prefixUpperBound(
                "a" + new String(Character.toChars(Character.MAX_CODE_POINT))))
        .isEqualTo("b");
    assertThat(InboxSql.prefixUpperBound(new String(Character.toChars(Character.MAX_CODE_POINT))))
        .isNull();
  }

  @Test
  void jdbcFormReplacesEveryNamedParameterAndNothingElse() {
    InboxSql.Statement s =
        InboxSql.page(
            M,
            filter(
                null,
                null,
                false,
                "MUS-2026",
                InboxSort.DUE,
                LocalDate.of(2026, 3, 1),
                KEY_ID,
                false),
            TODAY,
            5);
    String jdbc = s.jdbcSql();
    assertThat(jdbc).doesNotContainPattern(":[a-zA-Z]");
    assertThat(jdbc.chars().filter(c -> c == '?').count()).isEqualTo(s.jdbcValues().size());
  }

  @Test
  void countersAreScopedToTheMunicipality() {
    assertThat(InboxSql.countByStatus(M).jdbcSql())
        .isEqualTo(
            "select s.status, sum(s.cases) from case_status_count s where s.municipality_id = ?"
                + " and s.staff_role is null group by s.status");
    assertThat(InboxSql.countAssignedTo(M, "clerk-1").jdbcValues()).containsExactly(M, "clerk-1");
    assertThat(InboxSql.countUnassignedOpen(M).sql()).contains("assignee_subject is null");
  }
}
