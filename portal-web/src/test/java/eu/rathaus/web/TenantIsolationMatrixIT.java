package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import eu.rathaus.migrations.DatabaseMigrator;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.TenantRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The isolation matrix over every tenant-owned table, found from the schema itself (every table
 * with a {@code municipality_id} column). The test makes two municipalities of its own and writes
 * rows of each into every such table ({@link TenantRows#everyTable}); then, for each table, each
 * owning municipality and each kind of caller, a query run as the portal's own database role with
 * that caller's scope sees exactly the rows it should — all of them, none, or the part stated below
 * (published catalogue entries, timeline events meant for the citizen).
 *
 * <p>A tenant-owned table added later fails here by name until it gets seed rows and a stated
 * visibility; "permission denied" fails too, with why: it hides rows from those who must see them
 * as well, so it is no isolation to rely on.
 */
class TenantIsolationMatrixIT {

  /** Who asks, relative to the municipality whose rows are read. */
  enum Caller {
    OWN_STAFF("staff of the owning municipality"),
    OTHER_STAFF("staff of the other municipality"),
    OWNER_CITIZEN("the citizen whose rows they are"),
    OTHER_CITIZEN("a citizen without rows"),
    VISITOR("an anonymous visitor"),
    NO_SCOPE("a connection that set no scope"),
    PLATFORM("the platform operator"),
    /**
     * A citizen whose transaction also names the owning municipality (the portal never does so):
     * the municipality alone must open no staff-only row, so this caller sees exactly what {@link
     * #OTHER_CITIZEN} sees (V21).
     */
    CITIZEN_NAMING_MUNICIPALITY("a citizen whose transaction names the municipality"),
    /** An anonymous transaction naming the owning municipality: sees what {@link #VISITOR} sees. */
    VISITOR_NAMING_MUNICIPALITY("an anonymous visitor whose transaction names the municipality");

    final String description;

    Caller(String description) {
      this.description = description;
    }
  }

  private static final String ALL = "true";
  private static final String NONE = "false";
  private static final String OFFERED = "status = 'ACTIVE' and current_version_id is not null";
  private static final String PUBLISHED = "status = 'PUBLISHED'";
  private static final String FOUND = "status = 'FOUND'";
  private static final String PUBLIC_PHOTO =
      "is_public and found_item_id in (select id from found_item where status = 'FOUND')";

  /**
   * Per table, which callers see which of a municipality's rows (a condition on the row); callers
   * not named see none. Deliberate exceptions to "only the municipality and the platform" carry
   * their why.
   */
  private static final Map<String, Map<Caller, String>> EXPECTED = new TreeMap<>();

  static {
    // A draft is not yet addressed to the authority: its author and the platform only.
    expect("application_draft", Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    // A per-year counter without personal data; any citizen's submission draws the next number
    // (V6).
    expect(
        "application_reference_counter",
        Caller.OWN_STAFF,
        ALL,
        Caller.OWNER_CITIZEN,
        ALL,
        Caller.OTHER_CITIZEN,
        ALL,
        Caller.PLATFORM,
        ALL);
    // Platform operators read no citizen's documents (V7); the citizen reads the own upload and
    // staff's file in the own thread.
    // A photo of a found item that staff made public is read by the anonymous public search
    // (V63) while the item is in the office.
    expect(
        "attachment",
        Caller.OWN_STAFF,
        ALL,
        Caller.OWNER_CITIZEN,
        ALL,
        Caller.VISITOR,
        "id in (select attachment_id from found_item_photo where " + PUBLIC_PHOTO + ")");
    // Appointments (V27): a booking carries the person's address — staff of the municipality, the
    // citizen who booked, the platform (reminder job). Visitors reach their own only through the
    // link functions, which need the link's secret.
    expect("appointment", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    // Where and when one can book is public, like the opening hours of the profile.
    for (String table :
        List.of(
            "appointment_closure",
            "appointment_counter",
            "appointment_location",
            "appointment_opening_hours",
            "appointment_type")) {
      expect(
          table,
          Caller.OWN_STAFF,
          ALL,
          Caller.OTHER_STAFF,
          ALL,
          Caller.OWNER_CITIZEN,
          ALL,
          Caller.OTHER_CITIZEN,
          ALL,
          Caller.VISITOR,
          ALL,
          Caller.NO_SCOPE,
          ALL,
          Caller.PLATFORM,
          ALL);
    }
    expect("audit_entry", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    // Lost property (V42): an item still in the office is public (the search page, no personal
    // data); the finder and the confirmed claim are the municipality's and the platform's only.
    // The owner of a confirmed claim (V64) also sees the item she claims, in any status.
    expect(
        "found_item",
        Caller.OWN_STAFF,
        ALL,
        Caller.OTHER_STAFF,
        FOUND,
        Caller.OWNER_CITIZEN,
        FOUND + " or id in (select found_item_id from found_item_claim)",
        Caller.OTHER_CITIZEN,
        FOUND,
        Caller.VISITOR,
        FOUND,
        Caller.NO_SCOPE,
        FOUND,
        Caller.PLATFORM,
        ALL);
    // A claim is also its owner's: the citizen whose loss report it confirms (V64).
    expect(
        "found_item_claim", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    // Photos (V63): public ones of an item still in the office, like the item; the rest is staff's.
    expect(
        "found_item_photo",
        Caller.OWN_STAFF,
        ALL,
        Caller.OTHER_STAFF,
        PUBLIC_PHOTO,
        Caller.OWNER_CITIZEN,
        PUBLIC_PHOTO,
        Caller.OTHER_CITIZEN,
        PUBLIC_PHOTO,
        Caller.VISITOR,
        PUBLIC_PHOTO,
        Caller.NO_SCOPE,
        PUBLIC_PHOTO,
        Caller.PLATFORM,
        ALL);
    expect("found_item_finder", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    // Resident register (V50): the municipality's staff and the platform; a citizen her own record
    // (linked to the eID pseudonym her transaction names), its addresses and blocking notes, never
    // the household links.
    expect(
        "resident",
        Caller.OWN_STAFF,
        ALL,
        Caller.OWNER_CITIZEN,
        "eid_pseudonym is not null",
        Caller.PLATFORM,
        ALL);
    for (String table : List.of("resident_address", "resident_block")) {
      expect(
          table,
          Caller.OWN_STAFF,
          ALL,
          Caller.OWNER_CITIZEN,
          "resident_id in (select id from resident where eid_pseudonym is not null)",
          Caller.PLATFORM,
          ALL);
    }
    expect("resident_household", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    // Certificates of residence (V51): the municipality, the platform and the citizen who holds it;
    // the public verification goes through a function that returns no personal data.
    expect(
        "resident_certificate",
        Caller.OWN_STAFF,
        ALL,
        Caller.OWNER_CITIZEN,
        ALL,
        Caller.PLATFORM,
        ALL);
    // Changes of address (V66): the municipality, the platform and the citizen who filed it.
    expect("resident_move", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    // Hand-off (V52): the destination's endpoint and public keys are read by any citizen's
    // submission transaction, which seals her application for it (no secret is stored); the
    // sealed submissions and the events are the municipality's (the Subscriber API acts in its
    // staff scope) and the platform's only.
    expect(
        "handoff_destination",
        Caller.OWN_STAFF,
        ALL,
        Caller.OWNER_CITIZEN,
        "active",
        Caller.OTHER_CITIZEN,
        "active",
        Caller.PLATFORM,
        ALL);
    expect("handoff_event", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    // API clients (V67): the municipality's admin page and the platform (the API's gate).
    expect("api_client", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("handoff_submission", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    // Webhooks (V59): subscriptions (with their signing secrets) and the delivery log are the
    // municipality's and the platform's only; events in other scopes queue through the function
    // webhook_enqueue, which reads nothing back to its caller.
    expect("webhook_subscription", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("webhook_delivery", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("bank_statement", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("bank_statement_entry", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect(
        "case_application", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    // The citizen sees the events of the timeline meant for them, never staff-only ones.
    expect(
        "case_event",
        Caller.OWN_STAFF,
        ALL,
        Caller.OWNER_CITIZEN,
        "citizen_visible",
        Caller.PLATFORM,
        ALL);
    expect("case_note", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("case_record", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    // A citizen reads the display names of the staff of a municipality she has a case with (V46:
    // her access log names who read her data; the same names sign her notices and messages).
    expect("case_staff", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    expect("case_status_count", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("decision_notice", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL);
    expect("decision_text_block", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    // Correspondence: the municipality's staff and the citizen; not even the platform (V10).
    expect("mailbox_message", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL);
    expect("mailbox_thread", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL);
    // Key management is a platform function: not even the municipality's own staff read wrapped
    // keys.
    expect("municipality_data_key", Caller.PLATFORM, ALL);
    // Per-file keys (V53): key management like municipality_data_key.
    expect("file_data_key", Caller.PLATFORM, ALL);
    // Retention (V53): the municipality's settings and its erasure log (ids and pseudonyms only).
    expect("retention_setting", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("retention_erasure", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    // The authority's published postal address and contact data, printed on every notice; no
    // personal data (V11).
    expect(
        "municipality_letterhead",
        Caller.OWN_STAFF,
        ALL,
        Caller.OTHER_STAFF,
        ALL,
        Caller.OWNER_CITIZEN,
        ALL,
        Caller.OTHER_CITIZEN,
        ALL,
        Caller.VISITOR,
        ALL,
        Caller.NO_SCOPE,
        ALL,
        Caller.PLATFORM,
        ALL);
    // Data protection officer and opening hours: public contact data like the letterhead (V18).
    expect(
        "municipality_profile",
        Caller.OWN_STAFF,
        ALL,
        Caller.OTHER_STAFF,
        ALL,
        Caller.OWNER_CITIZEN,
        ALL,
        Caller.OTHER_CITIZEN,
        ALL,
        Caller.VISITOR,
        ALL,
        Caller.NO_SCOPE,
        ALL,
        Caller.PLATFORM,
        ALL);
    expect("municipality_onboarding", Caller.PLATFORM, ALL);
    // Citizens only queue their own notices; they never read the outbox.
    expect("notification_outbox", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("payment_clarification", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect("payment_event", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    expect("payment_refund", Caller.OWN_STAFF, ALL, Caller.PLATFORM, ALL);
    expect(
        "payment_request", Caller.OWN_STAFF, ALL, Caller.OWNER_CITIZEN, ALL, Caller.PLATFORM, ALL);
    // The public catalogue: everyone may read what is offered, only that.
    expect(
        "service_definition",
        Caller.OWN_STAFF,
        ALL,
        Caller.PLATFORM,
        ALL,
        Caller.OWNER_CITIZEN,
        OFFERED,
        Caller.OTHER_CITIZEN,
        OFFERED,
        Caller.VISITOR,
        OFFERED);
    expect(
        "service_version",
        Caller.OWN_STAFF,
        ALL,
        Caller.PLATFORM,
        ALL,
        Caller.OWNER_CITIZEN,
        PUBLISHED,
        Caller.OTHER_CITIZEN,
        PUBLISHED,
        Caller.VISITOR,
        PUBLISHED);
  }

  private static void expect(String table, Object... callerAndCondition) {
    Map<Caller, String> visible = new EnumMap<>(Caller.class);
    for (Caller caller : Caller.values()) {
      visible.put(caller, NONE);
    }
    for (int i = 0; i < callerAndCondition.length; i += 2) {
      visible.put((Caller) callerAndCondition[i], (String) callerAndCondition[i + 1]);
    }
    // Naming a municipality gives no scope other than staff any of its rows.
    visible.put(Caller.CITIZEN_NAMING_MUNICIPALITY, visible.get(Caller.OTHER_CITIZEN));
    visible.put(Caller.VISITOR_NAMING_MUNICIPALITY, visible.get(Caller.VISITOR));
    EXPECTED.put(table, visible);
  }

  private static final List<String> TENANT_TABLES = new ArrayList<>();
  private static UUID first;
  private static UUID second;
  private static final Map<UUID, String> CITIZEN = new TreeMap<>();

  @BeforeAll
  static void seedTwoMunicipalities() throws SQLException {
    ItStack.stack();
    // Alone, this test may run before any portal has migrated the database.
    var config = ItStack.config();
    DatabaseMigrator.migrate(
        config.jdbcUrl(), config.ownerUser(), config.ownerPassword(), config.appUser());
    try (Connection c = Jdbc.superuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select c.table_name from information_schema.columns c join information_schema.tables t"
                    + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                    + " where c.table_schema = 'public' and c.column_name = 'municipality_id' and t.table_type = 'BASE TABLE'"
                    + " order by c.table_name")) {
      while (rs.next()) {
        TENANT_TABLES.add(rs.getString(1));
      }
    }
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      first = TenantRows.newMunicipality(c, "matrix");
      second = TenantRows.newMunicipality(c, "matrix");
      for (UUID municipality : List.of(first, second)) {
        String citizen = "it-matrix-citizen-" + UUID.randomUUID();
        CITIZEN.put(municipality, citizen);
        TenantRows.everyTable(c, municipality, citizen);
      }
      c.commit();
    }
  }

  @Test
  void everyTenantOwnedTableHasRowLevelSecurityAndAStatedVisibility() throws SQLException {
    assertThat(TENANT_TABLES)
        .as("tenant-owned tables found")
        .contains("audit_entry", "case_record");
    assertThat(TENANT_TABLES.stream().filter(table -> !EXPECTED.containsKey(table)).toList())
        .as("tenant-owned tables without a stated visibility in EXPECTED")
        .isEmpty();
    assertThat(new TreeSet<>(EXPECTED.keySet()))
        .as("tables in EXPECTED that are no (longer) tenant-owned tables")
        .isSubsetOf(TENANT_TABLES);
    try (Connection c = Jdbc.superuser();
        PreparedStatement p =
            c.prepareStatement(
                "select relrowsecurity from pg_class where relname = ? and relnamespace = 'public'::regnamespace")) {
      for (String table : TENANT_TABLES) {
        p.setString(1, table);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next() && rs.getBoolean(1)).as("row-level security on " + table).isTrue();
        }
      }
    }
  }

  /** One test per tenant-owned table: both municipalities' rows, read by every kind of caller. */
  @TestFactory
  Stream<DynamicTest> eachCallerSeesExactlyItsShareOfEachTable() {
    return TENANT_TABLES.stream()
        .map(table -> DynamicTest.dynamicTest(table, () -> checkTable(table)));
  }

  private static void checkTable(String table) throws SQLException {
    Map<Caller, String> expected = EXPECTED.get(table);
    if (expected == null) {
      fail(
          "Table "
              + table
              + " has a municipality_id but no stated visibility: add it to EXPECTED and seed rows in TenantRows.everyTable");
    }
    SoftAssertions softly = new SoftAssertions();
    for (UUID owner : List.of(first, second)) {
      UUID other = owner.equals(first) ? second : first;
      String which = owner.equals(first) ? "first" : "second";
      long seeded = superuserCount(table, owner, ALL);
      if (seeded == 0) {
        fail(
            "Table "
                + table
                + " has no rows of the "
                + which
                + " test municipality: seed them in TenantRows.everyTable,"
                + " otherwise its isolation goes unchecked");
      }
      for (Caller caller : Caller.values()) {
        String condition = expected.get(caller);
        long shouldSee = superuserCount(table, owner, condition);
        long[] seen = visibleCounts(table, owner, scopeOf(caller, owner, other), condition, caller);
        softly
            .assertThat(seen)
            .as(
                "%s reading the %s municipality's %d rows of %s: [rows matching \"%s\", other rows]",
                caller.description, which, seeded, table, condition)
            .containsExactly(shouldSee, 0L);
      }
    }
    softly.assertAll();
  }

  /** scope, municipality, subject as the portal sets them; null: nothing set at all. */
  private static String[] scopeOf(Caller caller, UUID owner, UUID other) {
    return switch (caller) {
      case OWN_STAFF -> new String[] {"staff", owner.toString(), "it-clerk"};
      case OTHER_STAFF -> new String[] {"staff", other.toString(), "it-clerk"};
      case OWNER_CITIZEN -> new String[] {"citizen", "", CITIZEN.get(owner)};
      case OTHER_CITIZEN -> new String[] {"citizen", "", "it-matrix-nobody-" + UUID.randomUUID()};
      case VISITOR -> new String[] {"public", "", ""};
      case NO_SCOPE -> null;
      case PLATFORM -> new String[] {"platform", "", "it-operator"};
      case CITIZEN_NAMING_MUNICIPALITY ->
          new String[] {"citizen", owner.toString(), "it-matrix-nobody-" + UUID.randomUUID()};
      case VISITOR_NAMING_MUNICIPALITY -> new String[] {"public", owner.toString(), ""};
    };
  }

  private static long superuserCount(String table, UUID municipality, String condition)
      throws SQLException {
    try (Connection c = Jdbc.superuser();
        PreparedStatement p =
            c.prepareStatement(
                "select count(*) from "
                    + table
                    + " where municipality_id = ? and ("
                    + condition
                    + ") is true")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * As the portal's role with the caller's scope: rows matching the condition, and all other rows
   * it sees.
   */
  private static long[] visibleCounts(
      String table, UUID municipality, String[] scope, String condition, Caller caller)
      throws SQLException {
    try (Connection c = Jdbc.app()) {
      c.setAutoCommit(false);
      try {
        if (scope != null) {
          try (PreparedStatement set =
              c.prepareStatement(
                  "select set_config('rathaus.scope', ?, true), set_config('rathaus.municipality', ?, true), set_config('rathaus.subject', ?, true),"
                      + " set_config('rathaus.eid', ?, true)")) {
            set.setString(1, scope[0]);
            set.setString(2, scope[1]);
            set.setString(3, scope[2]);
            // The register's adapter names a citizen's eID pseudonym (V50); here it is the subject.
            set.setString(4, scope[2]);
            set.executeQuery().close();
          }
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "select count(*) filter (where ("
                    + condition
                    + ") is true), count(*) filter (where ("
                    + condition
                    + ") is not true)"
                    + " from "
                    + table
                    + " where municipality_id = ?")) {
          p.setObject(1, municipality);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
          }
        } catch (SQLException denied) {
          if ("42501".equals(denied.getSQLState())) {
            throw new AssertionError(
                "The portal's database role may not read "
                    + table
                    + " at all (permission denied, for "
                    + caller.description
                    + "). That is no isolation: it hides the rows from those who must see them too,"
                    + " and a later grant would expose them without a policy. Grant SELECT and let row-level security decide.",
                denied);
          }
          throw denied;
        }
      } finally {
        c.rollback();
      }
    }
  }
}
