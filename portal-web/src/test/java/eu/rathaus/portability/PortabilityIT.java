package eu.rathaus.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.attachments.infrastructure.AesGcm;
import eu.rathaus.attachments.infrastructure.KeystoreKeyProvider;
import eu.rathaus.launcher.AuditVerifyCommand;
import eu.rathaus.migrations.DatabaseMigrator;
import eu.rathaus.portability.domain.PortabilityRefusal;
import eu.rathaus.portability.domain.TableSpec;
import eu.rathaus.portability.domain.TenantTables;
import eu.rathaus.portability.infrastructure.MunicipalityErasure;
import eu.rathaus.portability.infrastructure.MunicipalityExport;
import eu.rathaus.portability.infrastructure.MunicipalityImport;
import eu.rathaus.portability.infrastructure.PortabilityKeys;
import eu.rathaus.portability.infrastructure.SchemaCatalog;
import eu.rathaus.portability.infrastructure.TableRows;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.TenantRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leave with your data (issue 15): a municipality with a row in every tenant table (files sealed
 * with its real data key, an audit chain) is exported from the test stack's database and imported
 * into a second database this test creates on the same server, with a master key and portability
 * keys of its own. Afterwards every table has the same rows (counts and content hashes), every file
 * opens byte for byte with the target's re-wrapped data key, and the audit chains verify. Tampered
 * archives, archives for another installation and a second import are refused with nothing written;
 * the export is a snapshot that blocks no writer; the source erases only after a matching export.
 */
class PortabilityIT {

  private static final String TARGET_DB = "rathaus_portability_" + System.nanoTime();
  private static String targetUrl;
  private static KeystoreKeyProvider sourceMaster;
  private static KeystoreKeyProvider targetMaster;
  private static PortabilityKeys sourceKeys;
  private static PortabilityKeys targetKeys;

  @TempDir static Path dir;

  @BeforeAll
  static void twoInstallations() throws Exception {
    ItStack.stack();
    var config = ItStack.config();
    DatabaseMigrator.migrate(
        config.jdbcUrl(), config.ownerUser(), config.ownerPassword(), config.appUser());
    try (Connection c = Jdbc.superuserMaintenance();
        Statement s = c.createStatement()) {
      s.execute("create database " + TARGET_DB + " owner " + config.ownerUser());
    }
    targetUrl = config.jdbcUrl().replaceFirst("/rathaus(\\?|$)", "/" + TARGET_DB + "$1");
    DatabaseMigrator.migrate(
        targetUrl, config.ownerUser(), config.ownerPassword(), config.appUser());
    sourceMaster =
        new KeystoreKeyProvider(
            config.keystorePath(), config.keystorePassword().toCharArray(), null);
    targetMaster = new KeystoreKeyProvider(newKeystore(), "target-keystore".toCharArray(), null);
    sourceKeys = PortabilityKeys.generate();
    targetKeys = PortabilityKeys.generate();
  }

  @AfterAll
  static void dropTarget() throws SQLException {
    try (Connection c = Jdbc.superuserMaintenance();
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + TARGET_DB + " with (force)");
    }
  }

  @Test
  void everyTenantTableIsCoveredByTheExport() throws SQLException {
    try (Connection c = Jdbc.superuser()) {
      TenantTables.Plan plan = TenantTables.plan(SchemaCatalog.tables(c));
      assertThat(plan.uncovered())
          .as("tables neither tenant-owned (municipality_id) nor classified in TenantTables")
          .isEmpty();
      Set<String> rowLevelSecurity = new TreeSet<>(SchemaCatalog.rowLevelSecurityTables(c));
      rowLevelSecurity.removeAll(TenantTables.PLATFORM_TABLES.keySet());
      assertThat(plan.names())
          .as("every table under row-level security is exported, or a named platform table")
          .containsAll(rowLevelSecurity);
      List<String> withMunicipality = new ArrayList<>();
      for (TenantTables.Table table : SchemaCatalog.tables(c)) {
        if (table.columns().contains("municipality_id")) {
          withMunicipality.add(table.name());
        }
      }
      assertThat(plan.names()).containsAll(withMunicipality);
      assertThat(plan.names())
          .contains(
              "municipality",
              "service_definition",
              "service_version",
              "case_application",
              "case_record",
              "application_draft",
              "attachment",
              "mailbox_message",
              "decision_notice",
              "payment_request",
              "bank_statement",
              "decision_text_block",
              "municipality_profile",
              "audit_entry",
              "audit_chain_head",
              "found_item",
              "appointment",
              "municipality_data_key");
      for (SchemaCatalog.ForeignKey key : SchemaCatalog.foreignKeys(c)) {
        TenantTables.Table parent =
            SchemaCatalog.tables(c).stream()
                .filter(t -> t.name().equals(key.parent()))
                .findFirst()
                .orElseThrow();
        assertThat(parent.identityColumns())
            .as("identity columns are numbered anew on import, so nothing may refer to one: " + key)
            .doesNotContainAnyElementsOf(key.parentColumns());
      }
    }
  }

  @Test
  void importedMunicipalityIsIdenticalAndItsFilesOpenWithTheTargetsKeys() throws Exception {
    UUID municipality = seeded("port");
    String slug = slug(municipality);
    Path archive = dir.resolve(slug + ".rathaus-export");
    MunicipalityExport.Report exported = exportTo(archive, slug, sourceKeys);
    assertThat(exported.tables().get("attachment").rows()).isEqualTo(2);
    MunicipalityImport.Report imported;
    try (Connection c = target()) {
      imported =
          MunicipalityImport.importArchive(
              c, archive, targetMaster, targetKeys, sourceKeys.publicKeys());
    }
    assertThat(imported.municipality()).isEqualTo(municipality);
    assertThat(imported.auditEntriesVerified()).isGreaterThanOrEqualTo(1);

    try (Connection source = Jdbc.superuser();
        Connection target = target()) {
      TenantTables.Plan plan = TenantTables.plan(SchemaCatalog.tables(source));
      Map<String, Long> counts = new TreeMap<>();
      for (TableSpec spec : plan.tables()) {
        TableRows.Content before = TableRows.content(source, spec, municipality);
        if (!spec.imported()) {
          continue;
        }
        TableRows.Content after = TableRows.content(target, spec, municipality);
        assertThat(after).as(spec.name()).isEqualTo(before);
        counts.put(spec.name(), after.rows());
      }
      assertThat(counts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey))
          .as("tables the seed left empty (the comparison proves nothing for them)")
          .isEmpty();

      // Files: the same ciphertext, opened with the target's own wrapping of the data key.
      for (String table : List.of("attachment", "decision_notice")) {
        Map<UUID, byte[]> sourceFiles = files(source, sourceMaster, table, municipality);
        Map<UUID, byte[]> targetFiles = files(target, targetMaster, table, municipality);
        assertThat(targetFiles).as(table).hasSameSizeAs(sourceFiles).isNotEmpty();
        sourceFiles.forEach(
            (id, bytes) -> assertThat(targetFiles.get(id)).as(table + " " + id).isEqualTo(bytes));
      }
      // Re-wrapped: the target's wrapped key does not open with the source's master key.
      try (PreparedStatement p =
          target.prepareStatement(
              "select master_key_id, wrapped_key, key_version from municipality_data_key where municipality_id = ?")) {
        p.setObject(1, municipality);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          String masterId = rs.getString(1);
          byte[] wrapped = rs.getBytes(2);
          int version = rs.getInt(3);
          assertThatThrownBy(
                  () ->
                      sourceMaster.unwrap(
                          masterId, wrapped, AesGcm.dataKeyContext(municipality, version)))
              .as("the target's data key row is wrapped with the target's master key only");
        }
      }
      // The target's audit chains, the imported one included, verify.
      target.setAutoCommit(false);
      var verified = AuditVerifyCommand.verify(target);
      target.rollback();
      assertThat(verified.ok()).as(verified.reason()).isTrue();
      assertThat(verified.checked()).isGreaterThanOrEqualTo(imported.auditEntriesVerified());
    }

    // A second import of the same archive: refused, nothing changed.
    try (Connection c = target()) {
      assertThatThrownBy(
              () ->
                  MunicipalityImport.importArchive(
                      c, archive, targetMaster, targetKeys, sourceKeys.publicKeys()))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("schon eine Kommune");
    }

    // The source erases only with the slug repeated and the matching export.
    try (Connection c = Jdbc.superuser()) {
      assertThatThrownBy(
              () -> MunicipalityErasure.erase(c, slug, "musterstadt", archive, sourceKeys, "it"))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("--confirm");
      assertThatThrownBy(() -> MunicipalityErasure.erase(c, slug, slug, archive, targetKeys, "it"))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("kein von dieser Installation signierter Export");
      var erased = MunicipalityErasure.erase(c, slug, slug, archive, sourceKeys, "it-operator");
      assertThat(erased.deleted().get("attachment")).isEqualTo(2L);
      TenantTables.Plan plan = TenantTables.plan(SchemaCatalog.tables(c));
      for (TableSpec spec : plan.tables()) {
        assertThat(TableRows.content(c, spec, municipality).rows())
            .as("rows left in " + spec.name())
            .isZero();
      }
      c.setAutoCommit(false);
      try (PreparedStatement p =
          c.prepareStatement(
              "select count(*) from audit_entry where chain = 'platform' and action = 'municipality.erased' and subject_id = ?")) {
        p.setString(1, municipality.toString());
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1);
        }
      }
      c.rollback();
    }
  }

  @Test
  void erasureIsRefusedWhenTheMunicipalityChangedAfterTheExport() throws Exception {
    UUID municipality = seeded("port-changed");
    String slug = slug(municipality);
    Path archive = dir.resolve(slug + ".rathaus-export");
    exportTo(archive, slug, sourceKeys);
    try (Connection c = Jdbc.superuser()) {
      update(
          c,
          "insert into decision_text_block (id, municipality_id, kind, title, body) values (?, ?, 'APPROVAL', 'Neu', 'Nach dem Export')",
          UUID.randomUUID(),
          municipality);
      assertThatThrownBy(() -> MunicipalityErasure.erase(c, slug, slug, archive, sourceKeys, "it"))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("decision_text_block");
      assertThat(count(c, "attachment", municipality)).isEqualTo(2);
    }
  }

  @Test
  void tamperedOrMisaddressedArchivesAreRefusedWithNothingWritten() throws Exception {
    UUID municipality = seeded("port-tamper");
    String slug = slug(municipality);
    Path archive = dir.resolve(slug + ".rathaus-export");
    exportTo(archive, slug, sourceKeys);
    // One byte of the encrypted payload changed.
    Path flipped = rewrite(archive, "payload.bin", bytes -> bytes[bytes.length / 2] ^= 0x01);
    // The signed statement exchanged for one signed by someone else.
    PortabilityKeys mallory = PortabilityKeys.generate();
    Path foreignSigned = dir.resolve(slug + "-mallory.rathaus-export");
    exportTo(foreignSigned, slug, mallory);
    // Cut short: the last chunk of the payload removed.
    Path truncated =
        rewrite(
            archive,
            "payload.bin",
            bytes -> {
              throw new TruncateTo(bytes.length - 20);
            });
    try (Connection c = target()) {
      assertThatThrownBy(() -> importInto(c, flipped, targetKeys))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("verändert");
      assertThatThrownBy(() -> importInto(c, foreignSigned, targetKeys))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("Signatur");
      assertThatThrownBy(() -> importInto(c, truncated, targetKeys))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("verändert");
      // Encrypted for the target, offered to a third installation.
      assertThatThrownBy(() -> importInto(c, archive, PortabilityKeys.generate()))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("andere Installation");
      Path garbage = Files.writeString(dir.resolve("garbage.rathaus-export"), "kein Archiv");
      assertThatThrownBy(() -> importInto(c, garbage, targetKeys))
          .isInstanceOf(PortabilityRefusal.class)
          .hasMessageContaining("Kein Rathaus-Exportarchiv");
      assertThat(count(c, "municipality", municipality, "id")).isZero();
      assertThat(count(c, "attachment", municipality)).isZero();
    }
  }

  @Test
  void theExportIsASnapshotThatBlocksNoWriter() throws Exception {
    UUID municipality = seeded("port-snap");
    String slug = slug(municipality);
    long blocksBefore;
    try (Connection c = Jdbc.superuser()) {
      blocksBefore = count(c, "decision_text_block", municipality);
    }
    CountDownLatch exporting = new CountDownLatch(1);
    CountDownLatch written = new CountDownLatch(1);
    Path archive = dir.resolve(slug + ".rathaus-export");
    CompletableFuture<MunicipalityExport.Report> export =
        CompletableFuture.supplyAsync(
            () -> {
              try (Connection c = Jdbc.superuser();
                  OutputStream file = Files.newOutputStream(archive);
                  OutputStream paused = pausing(file, exporting, written)) {
                return MunicipalityExport.export(
                    c,
                    MunicipalityExport.Request.of(
                        slug, sourceMaster, sourceKeys, targetKeys.publicKeys()),
                    paused);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(exporting.await(60, TimeUnit.SECONDS)).as("export started").isTrue();
    // While the export's transaction is open: a user's writes go through at once.
    try (Connection app = Jdbc.superuser();
        Statement s = app.createStatement()) {
      s.execute("set lock_timeout = '2s'");
      update(
          app,
          "insert into decision_text_block (id, municipality_id, kind, title, body) values (?, ?, 'APPROVAL', 'Während', 'des Exports')",
          UUID.randomUUID(),
          municipality);
      update(app, "update municipality set name = name || ' (neu)' where id = ?", municipality);
    } finally {
      written.countDown();
    }
    MunicipalityExport.Report report = export.get(120, TimeUnit.SECONDS);
    assertThat(report.tables().get("decision_text_block").rows())
        .as("the export shows the state when it began")
        .isEqualTo(blocksBefore);
  }

  /** Exports the municipality from the test stack's database, signed by {@code signer}. */
  private static MunicipalityExport.Report exportTo(
      Path archive, String slug, PortabilityKeys signer) throws Exception {
    try (Connection c = Jdbc.superuser();
        OutputStream out = Files.newOutputStream(archive)) {
      return MunicipalityExport.export(
          c,
          MunicipalityExport.Request.of(slug, sourceMaster, signer, targetKeys.publicKeys()),
          out);
    }
  }

  private static MunicipalityImport.Report importInto(
      Connection c, Path archive, PortabilityKeys own) throws Exception {
    return MunicipalityImport.importArchive(c, archive, targetMaster, own, sourceKeys.publicKeys());
  }

  private static UUID seeded(String purpose) throws SQLException {
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      UUID municipality = TenantRows.newMunicipality(c, purpose);
      TenantRows.everyTable(c, municipality, "it-port-citizen-" + UUID.randomUUID());
      c.commit();
      return municipality;
    }
  }

  private static String slug(UUID municipality) throws SQLException {
    try (Connection c = Jdbc.superuser();
        PreparedStatement p = c.prepareStatement("select slug from municipality where id = ?")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static Connection target() throws SQLException {
    return DriverManager.getConnection(targetUrl, "postgres", "postgres");
  }

  /** Every sealed file of the table, opened with the installation's own data key. */
  private static Map<UUID, byte[]> files(
      Connection c, KeystoreKeyProvider master, String table, UUID municipality) throws Exception {
    Map<Integer, SecretKey> keys = new TreeMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select key_version, master_key_id, wrapped_key from municipality_data_key where municipality_id = ?")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          keys.put(
              rs.getInt(1),
              new SecretKeySpec(
                  master.unwrap(
                      rs.getString(2),
                      rs.getBytes(3),
                      AesGcm.dataKeyContext(municipality, rs.getInt(1))),
                  "AES"));
        }
      }
    }
    Map<UUID, byte[]> files = new TreeMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select id, key_version, nonce, ciphertext, sha256 from "
                + table
                + " where municipality_id = ?")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          byte[] associated =
              "attachment".equals(table)
                  ? AesGcm.attachmentContext(id, municipality)
                  : ("rathaus-notice:v1|" + id + "|" + municipality)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          byte[] plain =
              AesGcm.open(keys.get(rs.getInt(2)), rs.getBytes(3), rs.getBytes(4), associated);
          assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain)))
              .as("stored SHA-256 of " + id)
              .isEqualTo(rs.getString(5));
          files.put(id, plain);
        }
      }
    }
    return files;
  }

  private static long count(Connection c, String table, UUID municipality) throws SQLException {
    return count(c, table, municipality, "municipality_id");
  }

  private static long count(Connection c, String table, UUID municipality, String column)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        p.setObject(i + 1, values[i]);
      }
      p.executeUpdate();
    }
  }

  private static Path newKeystore() throws Exception {
    Path file = dir.resolve("target-master.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    char[] password = "target-keystore".toCharArray();
    store.setEntry(
        KeystoreKeyProvider.DEFAULT_ALIAS,
        new KeyStore.SecretKeyEntry(generator.generateKey()),
        new KeyStore.PasswordProtection(password));
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    return file;
  }

  /** Signals on the export's first write, then waits until the test's writes are done. */
  private static OutputStream pausing(
      OutputStream out, CountDownLatch exporting, CountDownLatch written) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (exporting.getCount() > 0) {
          exporting.countDown();
          try {
            written.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
          }
        }
        out.write(b, off, len);
      }
    };
  }

  /** Thrown by a rewrite to keep only the first bytes of the entry. */
  private static final class TruncateTo extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int length;

    TruncateTo(int length) {
      this.length = length;
    }
  }

  private interface Change {
    void apply(byte[] bytes);
  }

  /** A copy of the archive with one entry's bytes changed (the outer ZIP stays well-formed). */
  private static Path rewrite(Path archive, String name, Change change) throws IOException {
    Path copy = dir.resolve(archive.getFileName() + "." + UUID.randomUUID());
    try (ZipFile in = new ZipFile(archive.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        byte[] bytes;
        try (InputStream stream = in.getInputStream(entry)) {
          bytes = stream.readAllBytes();
        }
        if (entry.getName().equals(name)) {
          try {
            change.apply(bytes);
          } catch (TruncateTo cut) {
            bytes = java.util.Arrays.copyOf(bytes, cut.length);
          }
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    return copy;
  }
}
