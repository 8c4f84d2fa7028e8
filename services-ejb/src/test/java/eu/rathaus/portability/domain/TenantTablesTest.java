package eu.rathaus.portability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantTablesTest {

  private static TenantTables.Table table(String name, String... columns) {
    return new TenantTables.Table(name, List.of(columns), Set.of());
  }

  @Test
  void everyTableWithAMunicipalityIdIsExportedByIt() {
    TenantTables.Plan plan =
        TenantTables.plan(
            List.of(
                table("found_item", "id", "municipality_id", "status"),
                table("some_future_table", "id", "municipality_id"),
                table("municipality", "id", "slug")));
    assertThat(plan.uncovered()).isEmpty();
    assertThat(plan.tables())
        .extracting(TableSpec::name)
        .containsExactly("municipality", "found_item", "some_future_table");
    assertThat(plan.tables().get(2).selection()).isEqualTo(TableSpec.Selection.MUNICIPALITY_ID);
    assertThat(plan.tables().get(0).selection()).isEqualTo(TableSpec.Selection.ID);
  }

  @Test
  void aTableNeitherTenantOwnedNorClassifiedIsReported() {
    TenantTables.Plan plan =
        TenantTables.plan(
            List.of(
                table("case_attachment_link", "case_id", "attachment_id"),
                table("service_template", "id"),
                table("flyway_schema_history", "version")));
    assertThat(plan.uncovered()).containsExactly("case_attachment_link");
    assertThat(plan.tables()).isEmpty();
  }

  @Test
  void theAuditChainTravelsByItsNameAndItsCheckpointsAsEvidenceOnly() {
    TenantTables.Plan plan =
        TenantTables.plan(
            List.of(
                new TenantTables.Table(
                    "audit_entry",
                    List.of("id", "chain", "seq", "municipality_id", "hash"),
                    Set.of("id")),
                table("audit_chain_head", "chain", "last_seq", "last_hash"),
                new TenantTables.Table(
                    "audit_checkpoint", List.of("id", "chain", "mac"), Set.of("id"))));
    TableSpec entries =
        plan.tables().stream().filter(t -> t.name().equals("audit_entry")).findFirst().get();
    assertThat(entries.name()).isEqualTo("audit_entry");
    assertThat(entries.identityColumns()).containsExactly("id");
    assertThat(entries.importedColumns()).doesNotContain("id").contains("hash");
    TableSpec head =
        plan.tables().stream().filter(t -> t.name().equals("audit_chain_head")).findFirst().get();
    assertThat(
            head.selection()
                .parameter(java.util.UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001")))
        .isEqualTo("municipality:7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
    assertThat(
            plan.tables().stream()
                .filter(t -> t.name().equals("audit_checkpoint"))
                .findFirst()
                .get()
                .imported())
        .isFalse();
  }

  @Test
  void dataKeysComeRightAfterTheMunicipalityAndTheirWrappedFormIsNotCompared() {
    TenantTables.Plan plan =
        TenantTables.plan(
            List.of(
                table("attachment", "id", "municipality_id", "ciphertext"),
                table(
                    "municipality_data_key",
                    "municipality_id",
                    "key_version",
                    "master_key_id",
                    "wrapped_key",
                    "created_at"),
                table("municipality", "id")));
    assertThat(plan.tables())
        .extracting(TableSpec::name)
        .containsExactly("municipality", "municipality_data_key", "attachment");
    TableSpec keys = plan.tables().get(1);
    assertThat(keys.hashExcludedColumns()).containsExactly("master_key_id", "wrapped_key");
    assertThat(keys.importedColumns())
        .containsExactly("municipality_id", "key_version", "created_at");
  }
}
