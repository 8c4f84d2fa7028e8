package eu.rathaus.portability.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.attachments.domain.KeyProvider;
import eu.rathaus.audit.application.AuditChainRows;
import eu.rathaus.audit.domain.AuditChainVerifier;
import eu.rathaus.portability.domain.PortabilityRefusal;
import eu.rathaus.portability.domain.TableSpec;
import eu.rathaus.portability.domain.TenantTables;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Imports an export archive into this installation's database: checks the source's signature, that
 * the archive was encrypted for this installation, every hash of the payload and manifest — all
 * before a single row is written — then writes every table in one transaction, re-wraps the data
 * keys with this installation's master key, and commits only if the imported rows have the exported
 * counts and content hashes, no reference points into nothing and the audit chain verifies.
 */
public final class MunicipalityImport {

  private static final int BATCH = 200;

  private MunicipalityImport() {}

  /** What was imported. */
  public record Report(
      UUID municipality,
      String slug,
      Map<String, Long> rows,
      long auditEntriesVerified,
      Map<String, Object> organization) {

    /** The municipality's Keycloak organization as exported (format 2), if the archive has one. */
    public Optional<Map<String, Object>> organizationDescription() {
      return Optional.ofNullable(organization);
    }
  }

  /** The archive's checked contents: the signed statement and the manifest. */
  private record Checked(
      Map<String, Object> statement,
      Map<String, Object> manifest,
      SecretKey cek,
      byte[] prefix,
      Map<String, Object> organization) {}

  /**
   * Imports {@code archive}.
   *
   * @param c a superuser connection to the target database
   * @param targetMaster the target's master key: data keys are wrapped with it
   * @param own the target's private portability keys (opens the archive)
   * @param source the source's public portability keys (its signature must fit)
   */
  public static Report importArchive(
      Connection c,
      Path archive,
      KeyProvider targetMaster,
      PortabilityKeys own,
      PortabilityKeys source)
      throws SQLException, IOException {
    try (ZipFile zip = open(archive)) {
      Checked checked = check(zip, own, source);
      c.setAutoCommit(false);
      try {
        Report report = write(c, zip, checked, targetMaster, own);
        c.commit();
        return report;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static ZipFile open(Path archive) {
    try {
      return new ZipFile(archive.toFile());
    } catch (IOException e) {
      throw new PortabilityRefusal(
          "Kein Rathaus-Exportarchiv (keine ZIP-Datei) / not a Rathaus export archive: " + archive,
          e);
    }
  }

  private static byte[] entry(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new PortabilityRefusal(
          "Kein vollständiges Rathaus-Exportarchiv: „"
              + name
              + "“ fehlt / not a complete Rathaus export archive: "
              + name
              + " missing");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readNBytes(1 << 20);
    }
  }

  private static Checked check(ZipFile zip, PortabilityKeys own, PortabilityKeys source)
      throws IOException {
    byte[] keyBytes = entry(zip, ArchiveFormat.KEY_ENTRY);
    String signed =
        new String(entry(zip, ArchiveFormat.STATEMENT_ENTRY), StandardCharsets.US_ASCII);
    if (zip.getEntry(ArchiveFormat.PAYLOAD_ENTRY) == null) {
      entry(zip, ArchiveFormat.PAYLOAD_ENTRY);
    }
    Map<String, Object> statement;
    try {
      JWSObject jws = JWSObject.parse(signed.strip());
      if (!JWSAlgorithm.PS256.equals(jws.getHeader().getAlgorithm())
          || !jws.verify(new RSASSAVerifier(source.signing().toRSAPublicKey()))) {
        throw tampered("die Signatur der Quelle passt nicht / the source's signature does not fit");
      }
      statement = jws.getPayload().toJSONObject();
    } catch (ParseException | JOSEException e) {
      throw tampered("die Signatur ist nicht lesbar / the signature is unreadable");
    }
    if (!ArchiveFormat.FORMAT.equals(statement.get("format"))
        || ((Number) statement.get("formatVersion")).intValue() > ArchiveFormat.VERSION
        || ((Number) statement.get("formatVersion")).intValue()
            < ArchiveFormat.OLDEST_READABLE_VERSION) {
      throw new PortabilityRefusal(
          "Unbekanntes Archivformat / unknown archive format: "
              + statement.get("format")
              + " "
              + statement.get("formatVersion"));
    }
    if (!own.encryptionThumbprint().equals(statement.get("targetKey"))) {
      throw new PortabilityRefusal(
          "Das Archiv ist für eine andere Installation verschlüsselt (Schlüssel "
              + statement.get("targetKey")
              + ", diese Installation "
              + own.encryptionThumbprint()
              + ") / the archive is encrypted for another installation");
    }
    if (!MunicipalityExport.hex(TableRows.sha256().digest(keyBytes))
        .equals(statement.get("keySha256"))) {
      throw tampered("der Schlüsselteil wurde verändert / the key part was altered");
    }
    MessageDigest payload = TableRows.sha256();
    try (InputStream in = zip.getInputStream(zip.getEntry(ArchiveFormat.PAYLOAD_ENTRY))) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        payload.update(buffer, 0, n);
      }
    }
    if (!MunicipalityExport.hex(payload.digest()).equals(statement.get("payloadSha256"))) {
      throw tampered(
          "der verschlüsselte Inhalt wurde verändert / the encrypted content was altered");
    }
    Map<String, Object> key =
        open(
            new String(keyBytes, StandardCharsets.US_ASCII),
            own,
            "Der Inhaltsschlüssel lässt sich mit dem Schlüssel dieser Installation nicht öffnen / the"
                + " content key does not open with this installation's key");
    SecretKey cek = new SecretKeySpec(Base64.getDecoder().decode((String) key.get("cek")), "AES");
    byte[] prefix = Base64.getDecoder().decode((String) key.get("prefix"));

    // First pass over the payload: every file's hash and line count, and the manifest.
    Map<String, String> hashes = new HashMap<>();
    Map<String, Long> lines = new HashMap<>();
    byte[] manifestBytes = null;
    byte[] organizationBytes = null;
    try (ZipInputStream inner = payload(zip, cek, prefix)) {
      for (ZipEntry e; (e = inner.getNextEntry()) != null; ) {
        MessageDigest digest = TableRows.sha256();
        ByteArrayOutputStream manifest =
            ArchiveFormat.MANIFEST_ENTRY.equals(e.getName())
                    || ArchiveFormat.ORGANIZATION_ENTRY.equals(e.getName())
                ? new ByteArrayOutputStream()
                : null;
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = inner.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
              count++;
            }
          }
          if (manifest != null) {
            manifest.write(buffer, 0, n);
          }
        }
        hashes.put(e.getName(), MunicipalityExport.hex(digest.digest()));
        lines.put(e.getName(), count);
        if (manifest != null && ArchiveFormat.MANIFEST_ENTRY.equals(e.getName())) {
          manifestBytes = manifest.toByteArray();
        } else if (manifest != null) {
          organizationBytes = manifest.toByteArray();
        }
      }
    }
    if (manifestBytes == null) {
      throw tampered("das Inhaltsverzeichnis fehlt / the manifest is missing");
    }
    Map<String, Object> manifest =
        ArchiveFormat.parse(new String(manifestBytes, StandardCharsets.UTF_8), "manifest.json");
    if (!String.valueOf(statement.get("municipalityId")).equals(manifest.get("municipalityId"))) {
      throw tampered("Inhaltsverzeichnis und Signatur nennen verschiedene Kommunen");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> signedTables = (Map<String, Object>) statement.get("tables");
    List<String> expectedFiles = new ArrayList<>(List.of(ArchiveFormat.MANIFEST_ENTRY));
    @SuppressWarnings("unchecked")
    Map<String, Object> dataKeys = (Map<String, Object>) manifest.get("dataKeys");
    expectedFiles.add(ArchiveFormat.DATA_KEYS_ENTRY);
    if (!String.valueOf(dataKeys.get("sha256")).equals(hashes.get(ArchiveFormat.DATA_KEYS_ENTRY))) {
      throw tampered(ArchiveFormat.DATA_KEYS_ENTRY + " passt nicht zum Inhaltsverzeichnis");
    }
    for (Map<String, Object> table : tables(manifest)) {
      String name = (String) table.get("name");
      String file = (String) table.get("file");
      expectedFiles.add(file);
      @SuppressWarnings("unchecked")
      Map<String, Object> signedTable = (Map<String, Object>) signedTables.get(name);
      long rows = ((Number) table.get("rows")).longValue();
      if (!String.valueOf(table.get("sha256")).equals(hashes.get(file))
          || lines.getOrDefault(file, -1L) != rows
          || signedTable == null
          || ((Number) signedTable.get("rows")).longValue() != rows
          || !signedTable.get("contentSha256").equals(table.get("contentSha256"))) {
        throw tampered(file + " passt nicht zu Inhaltsverzeichnis und Signatur");
      }
    }
    Map<String, Object> organization = null;
    @SuppressWarnings("unchecked")
    Map<String, Object> organizationFile = (Map<String, Object>) manifest.get("organization");
    if (organizationFile != null) {
      expectedFiles.add(ArchiveFormat.ORGANIZATION_ENTRY);
      if (organizationBytes == null
          || !String.valueOf(organizationFile.get("sha256"))
              .equals(hashes.get(ArchiveFormat.ORGANIZATION_ENTRY))) {
        throw tampered(ArchiveFormat.ORGANIZATION_ENTRY + " passt nicht zum Inhaltsverzeichnis");
      }
      organization =
          ArchiveFormat.parse(
              new String(organizationBytes, StandardCharsets.UTF_8),
              ArchiveFormat.ORGANIZATION_ENTRY);
    }
    if (signedTables.size() != tables(manifest).size()
        || !expectedFiles.containsAll(hashes.keySet())) {
      throw tampered("Dateien im Archiv, die das Inhaltsverzeichnis nicht nennt");
    }
    return new Checked(statement, manifest, cek, prefix, organization);
  }

  private static ZipInputStream payload(ZipFile zip, SecretKey cek, byte[] prefix)
      throws IOException {
    return new ZipInputStream(
        ChunkedGcm.decrypting(
            zip.getInputStream(zip.getEntry(ArchiveFormat.PAYLOAD_ENTRY)), cek, prefix));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tables(Map<String, Object> manifest) {
    return (List<Map<String, Object>>) manifest.get("tables");
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object list) {
    return (List<String>) list;
  }

  private static Report write(
      Connection c, ZipFile zip, Checked checked, KeyProvider targetMaster, PortabilityKeys own)
      throws SQLException, IOException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        throw new PortabilityRefusal(
            "Der Import braucht den Superuser der Zieldatenbank (RATHAUS_PORTABILITY_DB_USER) / the"
                + " import needs the target database's superuser");
      }
    }
    Map<String, Object> manifest = checked.manifest();
    UUID municipality = UUID.fromString((String) manifest.get("municipalityId"));
    @SuppressWarnings("unchecked")
    Map<String, Object> about = (Map<String, Object>) manifest.get("municipality");
    int archiveSchema = ((Number) manifest.get("schemaVersion")).intValue();
    int targetSchema = SchemaCatalog.schemaVersion(c);
    if (targetSchema < archiveSchema) {
      throw new PortabilityRefusal(
          "Die Zielinstallation hat ein älteres Schema (V"
              + targetSchema
              + ") als die Quelle (V"
              + archiveSchema
              + ") – erst aktualisieren / the target's schema is older than the source's: upgrade"
              + " it first");
    }
    try (PreparedStatement p =
        c.prepareStatement("select slug from municipality where id = ? or slug = ? or ags = ?")) {
      p.setObject(1, municipality);
      p.setString(2, (String) about.get("slug"));
      p.setString(3, (String) about.get("ags"));
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          throw new PortabilityRefusal(
              "Die Zielinstallation hat schon eine Kommune mit dieser Kennung, diesem Kurznamen oder"
                  + " dieser AGS („"
                  + rs.getString(1)
                  + "“) – nichts importiert / the target already has this municipality (id, slug"
                  + " or AGS)");
        }
      }
    }
    Map<String, TenantTables.Table> targetTables = new HashMap<>();
    SchemaCatalog.tables(c).forEach(t -> targetTables.put(t.name(), t));
    Map<String, TableSpec> specs = new LinkedHashMap<>();
    for (Map<String, Object> table : tables(manifest)) {
      TableSpec spec =
          new TableSpec(
              (String) table.get("name"),
              TableSpec.Selection.valueOf((String) table.get("selection")),
              strings(table.get("columns")),
              strings(table.get("identityColumns")),
              strings(table.get("generatedColumns")),
              strings(table.get("rewrappedColumns")),
              Boolean.TRUE.equals(table.get("imported")));
      TenantTables.Table target = targetTables.get(spec.name());
      if (spec.imported() && (target == null || !target.columns().containsAll(spec.columns()))) {
        throw new PortabilityRefusal(
            "Die Zielinstallation kennt Tabelle oder Spalten von „"
                + spec.name()
                + "“ nicht / the target lacks table or columns of "
                + spec.name());
      }
      specs.put(spec.file(), spec);
    }

    try (Statement s = c.createStatement()) {
      // A copy of rows that were consistent at the source: no triggers (derived counters arrive as
      // exported, append-only guards do not apply to inserts anyway) and no per-row foreign key
      // checks; all references are checked at the end instead, in the same transaction.
      s.execute("set local session_replication_role = replica");
    }
    TableRows.utc(c);
    Map<Integer, byte[][]> wrapped = new HashMap<>();
    Map<String, Long> imported = new LinkedHashMap<>();
    try (ZipInputStream inner = payload(zip, checked.cek(), checked.prefix())) {
      for (ZipEntry e; (e = inner.getNextEntry()) != null; ) {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(inner, StandardCharsets.UTF_8));
        if (ArchiveFormat.DATA_KEYS_ENTRY.equals(e.getName())) {
          for (String line; (line = reader.readLine()) != null; ) {
            rewrap(line, municipality, targetMaster, own, wrapped);
          }
          continue;
        }
        TableSpec spec = specs.get(e.getName());
        if (spec == null || !spec.imported()) {
          continue;
        }
        imported.put(spec.name(), insert(c, spec, reader, wrapped));
      }
    }

    for (TableSpec spec : specs.values()) {
      if (!spec.imported()) {
        continue;
      }
      Map<String, Object> expected =
          tables(manifest).stream()
              .filter(t -> spec.name().equals(t.get("name")))
              .findFirst()
              .orElseThrow();
      TableRows.Content content = TableRows.content(c, spec, municipality);
      boolean sameSchema = targetSchema == archiveSchema;
      if (content.rows() != ((Number) expected.get("rows")).longValue()
          || (sameSchema && !content.sha256().equals(expected.get("contentSha256")))) {
        throw new PortabilityRefusal(
            "Nach dem Import weicht „"
                + spec.name()
                + "“ vom Export ab – nichts importiert / after import "
                + spec.name()
                + " differs from the export: nothing imported");
      }
    }
    for (SchemaCatalog.ForeignKey key : SchemaCatalog.foreignKeys(c)) {
      TableSpec spec =
          specs.values().stream()
              .filter(t -> t.imported() && t.name().equals(key.child()))
              .findFirst()
              .orElse(null);
      if (spec != null && SchemaCatalog.danglingReferences(c, spec, key, municipality) > 0) {
        throw new PortabilityRefusal(
            "Verweise ins Leere in „"
                + spec.name()
                + "“ ("
                + key.name()
                + " → "
                + key.parent()
                + ") – fehlt auf dem Ziel z. B. eine Dienstvorlage? Nichts importiert / dangling"
                + " references: nothing imported");
      }
    }
    long audited = verifyAuditChain(c, municipality);
    try (Statement s = c.createStatement()) {
      s.execute("set local session_replication_role = origin");
      // The public pages' cache learns of the new municipality and its catalogue.
      s.executeUpdate(
          "update catalogue_revision set revision = revision + 1, changed_at = clock_timestamp()");
    }
    return new Report(
        municipality, (String) about.get("slug"), imported, audited, checked.organization());
  }

  private static void rewrap(
      String line,
      UUID municipality,
      KeyProvider targetMaster,
      PortabilityKeys own,
      Map<Integer, byte[][]> wrapped) {
    Map<String, Object> row = ArchiveFormat.parse(line, ArchiveFormat.DATA_KEYS_ENTRY);
    Map<String, Object> key =
        open(
            String.valueOf(row.get("jwe")),
            own,
            "Archiv abgelehnt: ein Datenschlüssel lässt sich nicht öffnen / archive refused: a data"
                + " key does not open");
    int version = ((Number) key.get("key_version")).intValue();
    if (!municipality.toString().equals(key.get("municipality_id"))
        || version != ((Number) row.get("key_version")).intValue()) {
      throw tampered("ein Datenschlüssel gehört zu einer anderen Kommune oder Version");
    }
    byte[] raw = Base64.getDecoder().decode((String) key.get("key"));
    byte[] wrappedKey = targetMaster.wrap(raw, DataKeys.wrappingContext(municipality, version));
    java.util.Arrays.fill(raw, (byte) 0);
    wrapped.put(
        version,
        new byte[][] {
          targetMaster.currentMasterKeyId().getBytes(StandardCharsets.UTF_8), wrappedKey
        });
  }

  private static long insert(
      Connection c, TableSpec spec, BufferedReader rows, Map<Integer, byte[][]> wrapped)
      throws SQLException, IOException {
    String table = SchemaCatalog.quote(spec.name());
    String columns =
        spec.importedColumns().stream().map(SchemaCatalog::quote).collect(Collectors.joining(", "));
    long count = 0;
    if (TenantTables.DATA_KEY_TABLE.equals(spec.name())) {
      try (PreparedStatement p =
          c.prepareStatement(
              "insert into "
                  + table
                  + " ("
                  + columns
                  + ", master_key_id, wrapped_key) select "
                  + columns
                  + ", ?, ? from jsonb_populate_record(null::"
                  + table
                  + ", ?::jsonb)")) {
        for (String line; (line = rows.readLine()) != null; ) {
          int version =
              ((Number) ArchiveFormat.parse(line, spec.file()).get("key_version")).intValue();
          byte[][] key = wrapped.get(version);
          if (key == null) {
            throw tampered("zum Datenschlüssel " + version + " fehlt der Schlüssel");
          }
          p.setString(1, new String(key[0], StandardCharsets.UTF_8));
          p.setBytes(2, key[1]);
          p.setString(3, line);
          p.executeUpdate();
          count++;
        }
      }
      return count;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into "
                + table
                + " ("
                + columns
                + ") select "
                + columns
                + " from jsonb_populate_recordset(null::"
                + table
                + ", ?::jsonb)")) {
      List<String> batch = new ArrayList<>(BATCH);
      for (String line; ; ) {
        line = rows.readLine();
        if (line != null) {
          batch.add(line);
        }
        if (batch.size() == BATCH || (line == null && !batch.isEmpty())) {
          p.setString(1, "[" + String.join(",", batch) + "]");
          count += p.executeUpdate();
          batch.clear();
        }
        if (line == null) {
          return count;
        }
      }
    }
  }

  /** Verifies the imported audit chain against its head; returns the number of entries. */
  static long verifyAuditChain(Connection c, UUID municipality) throws SQLException {
    String chain = "municipality:" + municipality;
    AuditChainVerifier.VerificationResult result =
        AuditChainVerifier.verify(AuditChainRows.entries(c, chain), AuditChainRows.heads(c, chain));
    if (!result.ok()) {
      throw new PortabilityRefusal(
          "Die Audit-Kette der Kommune verifiziert nach dem Import nicht ("
              + result.reason()
              + ") – nichts importiert / the municipality's audit chain does not verify after import");
    }
    return result.checked();
  }

  /** The JSON content of a JWE addressed to this installation, or a refusal with {@code why}. */
  private static Map<String, Object> open(String compact, PortabilityKeys own, String why) {
    try {
      JWEObject jwe = JWEObject.parse(compact);
      jwe.decrypt(new RSADecrypter(own.encryption()));
      return jwe.getPayload().toJSONObject();
    } catch (ParseException | JOSEException e) {
      throw new PortabilityRefusal(why, e);
    }
  }

  private static PortabilityRefusal tampered(String detail) {
    return new PortabilityRefusal(
        "Archiv abgelehnt: verändert oder nicht von der angegebenen Quelle – "
            + detail
            + " / archive refused: tampered with or not from the given source");
  }
}
