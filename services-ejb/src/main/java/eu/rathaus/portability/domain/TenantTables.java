package eu.rathaus.portability.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which tables make up a municipality, derived from the schema rather than listed: every table with
 * a {@code municipality_id} column is exported with the rows of that municipality, so a tenant
 * table added by a later migration is exported (and imported, compared, erased) without a change
 * here. The few tables without that column are classified by name below; a table that is neither is
 * reported by {@link Plan#uncovered()}, and the export refuses to run until it is classified.
 */
public final class TenantTables {

  /** The wrapped per-municipality data keys (V7): re-wrapped for the target's master key. */
  public static final String DATA_KEY_TABLE = "municipality_data_key";

  /** Columns of {@link #DATA_KEY_TABLE} that only the source's master key opens. */
  public static final List<String> DATA_KEY_WRAPPED_COLUMNS =
      List.of("master_key_id", "wrapped_key");

  /** Tables of a municipality without a {@code municipality_id} column, and how they are chosen. */
  private static final Map<String, TableSpec.Selection> OWNED_WITHOUT_COLUMN =
      Map.of(
          "municipality", TableSpec.Selection.ID,
          "audit_chain_head", TableSpec.Selection.AUDIT_CHAIN,
          "audit_checkpoint", TableSpec.Selection.AUDIT_CHAIN);

  /**
   * The source's audit checkpoints are signed with its anchor key, which the target does not have:
   * they travel as evidence (checkable with the source's key) and the target anchors the imported
   * chain with its own checkpoints.
   */
  private static final Set<String> EVIDENCE_ONLY = Set.of("audit_checkpoint");

  /** Platform tables, no municipality's data; why each stays behind. */
  public static final Map<String, String> PLATFORM_TABLES =
      Map.of(
          "flyway_schema_history",
          "the schema's own migration history, per installation",
          "catalogue_revision",
          "one platform-wide counter for the public page cache (bumped on import)",
          "service_template",
          "shared service templates of the platform; the import checks that the target has every"
              + " template the municipality's services refer to",
          "rate_limit_bucket",
          "the API's rate-limit token buckets shared by the nodes (V69): technical, keyed by a"
              + " hash of the caller, expire within minutes",
          "portability_job",
          "the platform admin's record of exports, imports and erasures (V75), per installation");

  private TenantTables() {}

  /**
   * A table of the schema: its columns in order, which of them are identity columns and which are
   * generated from others.
   */
  public record Table(
      String name,
      List<String> columns,
      Set<String> identityColumns,
      Set<String> generatedColumns) {
    public Table {
      columns = List.copyOf(columns);
      identityColumns = Set.copyOf(identityColumns);
      generatedColumns = Set.copyOf(generatedColumns);
    }

    public Table(String name, List<String> columns, Set<String> identityColumns) {
      this(name, columns, identityColumns, Set.of());
    }
  }

  /**
   * The export plan: tables of a municipality in export order (the municipality row first, the data
   * keys before the tables whose files they open), and tables nobody classified.
   */
  public record Plan(List<TableSpec> tables, List<String> uncovered) {
    public Plan {
      tables = List.copyOf(tables);
      uncovered = List.copyOf(uncovered);
    }

    /** Names of the exported tables. */
    public Set<String> names() {
      Set<String> names = new TreeSet<>();
      tables.forEach(t -> names.add(t.name()));
      return names;
    }
  }

  /** Plans the export of the given schema's tables. */
  public static Plan plan(List<Table> schema) {
    Map<String, Table> byName = new TreeMap<>();
    schema.forEach(t -> byName.put(t.name(), t));
    List<TableSpec> first = new ArrayList<>();
    List<TableSpec> rest = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    for (Table table : byName.values()) {
      TableSpec.Selection selection =
          table.columns().contains("municipality_id")
              ? TableSpec.Selection.MUNICIPALITY_ID
              : OWNED_WITHOUT_COLUMN.get(table.name());
      if (selection == null) {
        if (!PLATFORM_TABLES.containsKey(table.name())) {
          uncovered.add(table.name());
        }
        continue;
      }
      List<String> identity =
          table.columns().stream().filter(table.identityColumns()::contains).toList();
      List<String> rewrapped =
          DATA_KEY_TABLE.equals(table.name()) ? DATA_KEY_WRAPPED_COLUMNS : List.of();
      TableSpec spec =
          new TableSpec(
              table.name(),
              selection,
              table.columns(),
              identity,
              table.columns().stream().filter(table.generatedColumns()::contains).toList(),
              rewrapped,
              !EVIDENCE_ONLY.contains(table.name()));
      if ("municipality".equals(table.name())) {
        first.add(0, spec);
      } else if (DATA_KEY_TABLE.equals(table.name())) {
        first.add(spec);
      } else {
        rest.add(spec);
      }
    }
    first.addAll(rest);
    return new Plan(first, uncovered);
  }
}
