package eu.rathaus.portability.infrastructure;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.attachments.domain.KeyProvider;
import eu.rathaus.portability.domain.PortabilityRefusal;
import eu.rathaus.portability.domain.TableSpec;
import eu.rathaus.portability.domain.TenantTables;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes one municipality's complete export: every table of {@link TenantTables#plan}, read in one
 * {@code REPEATABLE READ READ ONLY} transaction (a consistent snapshot that takes no lock a user's
 * write would wait for), streamed row by row through the encryption into the archive.
 */
public final class MunicipalityExport {

  private static final SecureRandom RANDOM = new SecureRandom();

  private MunicipalityExport() {}

  /** What was exported: the municipality, per table rows and content hash, archive size. */
  public record Report(
      UUID municipality, String slug, Map<String, TableRows.Content> tables, long payloadBytes) {}

  /** Told after each table: how many of the plan's tables are in the archive so far. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void tables(int done, int total);
  }

  /**
   * What to export and for whom: the municipality {@code slug}, the source's master key (to open
   * the municipality's data keys), the source's private portability keys ({@code own}, signs the
   * archive), the target's public portability keys ({@code target}, the archive is encrypted for
   * them), who is told after each table ({@code progress}, never null) and the municipality's
   * Keycloak organization ({@code organization}, JSON-ready, no secrets; null when it has none or
   * the caller cannot reach Keycloak).
   */
  public record Request(
      String slug,
      KeyProvider sourceMaster,
      PortabilityKeys own,
      PortabilityKeys target,
      Progress progress,
      Map<String, Object> organization) {

    public Request {
      Objects.requireNonNull(slug, "slug");
      Objects.requireNonNull(sourceMaster, "sourceMaster");
      Objects.requireNonNull(own, "own");
      Objects.requireNonNull(target, "target");
      progress = progress == null ? Progress.NONE : progress;
    }

    /** Exports {@code slug} without progress reports and without a Keycloak organization. */
    public static Request of(
        String slug, KeyProvider sourceMaster, PortabilityKeys own, PortabilityKeys target) {
      return new Request(slug, sourceMaster, own, target, Progress.NONE, null);
    }
  }

  /**
   * Exports as {@code request} says into the file {@code file}: written as {@code <file>.partial}
   * and renamed when complete, so a file under the final name is always a whole archive (the CLI
   * and the platform admin's page both export this way).
   */
  public static Report exportToFile(Connection c, Request request, Path file)
      throws SQLException, IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Report report;
    try (OutputStream out = Files.newOutputStream(partial)) {
      report = export(c, request, out);
    } catch (SQLException | IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    return report;
  }

  /**
   * Exports as {@code request} says into {@code archive}.
   *
   * @param c a superuser or BYPASSRLS connection to the source database (its transaction settings
   *     are changed; it is rolled back at the end)
   */
  public static Report export(Connection c, Request request, OutputStream archive)
      throws SQLException, IOException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setReadOnly(true);
    try {
      ArchiveFormat.requireBypassRls(c);
      return write(c, request, archive);
    } finally {
      c.rollback();
    }
  }

  private static Report write(Connection c, Request request, OutputStream archive)
      throws SQLException, IOException {
    String slug = request.slug();
    KeyProvider sourceMaster = request.sourceMaster();
    PortabilityKeys own = request.own();
    PortabilityKeys target = request.target();
    Progress progress = request.progress();
    Map<String, Object> organization = request.organization();
    Map<String, Object> municipality = municipality(c, slug);
    UUID id = (UUID) municipality.remove("uuid");
    TenantTables.Plan plan = TenantTables.plan(SchemaCatalog.tables(c));
    if (!plan.uncovered().isEmpty()) {
      throw new PortabilityRefusal(
          "Tabellen ohne Zuordnung (weder municipality_id noch als Plattformtabelle benannt): "
              + plan.uncovered()
              + " – in TenantTables einordnen / tables neither tenant-owned nor named platform tables");
    }
    int schemaVersion = SchemaCatalog.schemaVersion(c);

    byte[] cek = new byte[32];
    byte[] prefix = new byte[8];
    RANDOM.nextBytes(cek);
    RANDOM.nextBytes(prefix);
    String keyJwe =
        encryptFor(
            target,
            ArchiveFormat.json(
                Map.of(
                    "cek", Base64.getEncoder().encodeToString(cek),
                    "prefix", Base64.getEncoder().encodeToString(prefix))));

    ZipOutputStream outer = new ZipOutputStream(archive);
    outer.putNextEntry(new ZipEntry(ArchiveFormat.KEY_ENTRY));
    byte[] keyBytes = keyJwe.getBytes(StandardCharsets.US_ASCII);
    outer.write(keyBytes);
    outer.closeEntry();

    outer.putNextEntry(new ZipEntry(ArchiveFormat.PAYLOAD_ENTRY));
    MessageDigest payloadDigest = TableRows.sha256();
    long[] payloadBytes = {0};
    OutputStream counted =
        new java.io.FilterOutputStream(ArchiveFormat.keepOpen(outer)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            payloadBytes[0] += len;
            out.write(b, off, len);
          }
        };
    Map<String, TableRows.Content> contents = new LinkedHashMap<>();
    List<Map<String, Object>> tables = new ArrayList<>();
    try (ZipOutputStream inner =
        new ZipOutputStream(
            ChunkedGcm.encrypting(
                new DigestOutputStream(counted, payloadDigest),
                new SecretKeySpec(cek, "AES"),
                prefix))) {
      Entry keys = new Entry(inner, ArchiveFormat.DATA_KEYS_ENTRY);
      long keyCount = dataKeys(c, id, sourceMaster, target, keys);
      keys.close();
      for (TableSpec spec : plan.tables()) {
        Entry file = new Entry(inner, spec.file());
        long rows;
        try {
          rows = TableRows.stream(c, spec, id, spec.rewrappedColumns(), file::line);
        } catch (IOException | SQLException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IOException(e);
        }
        file.close();
        TableRows.Content content = TableRows.content(c, spec, id);
        if (content.rows() != rows) {
          throw new IllegalStateException("snapshot changed while reading " + spec.name());
        }
        contents.put(spec.name(), content);
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", spec.name());
        table.put("file", spec.file());
        table.put("selection", spec.selection().name());
        table.put("rows", rows);
        table.put("sha256", file.sha256());
        table.put("contentSha256", content.sha256());
        table.put("columns", spec.columns());
        table.put("identityColumns", spec.identityColumns());
        table.put("generatedColumns", spec.generatedColumns());
        table.put("rewrappedColumns", spec.rewrappedColumns());
        table.put("imported", spec.imported());
        tables.add(table);
        progress.tables(tables.size(), plan.tables().size());
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format", ArchiveFormat.FORMAT);
      manifest.put("formatVersion", ArchiveFormat.VERSION);
      manifest.put("municipality", municipality);
      manifest.put("municipalityId", id.toString());
      manifest.put("schemaVersion", schemaVersion);
      manifest.put("exportedAt", Instant.now().toString());
      manifest.put(
          "dataKeys",
          Map.of(
              "file", ArchiveFormat.DATA_KEYS_ENTRY, "count", keyCount, "sha256", keys.sha256()));
      manifest.put("tables", tables);
      manifest.put("platformTablesNotExported", TenantTables.PLATFORM_TABLES);
      if (organization != null) {
        Entry org = new Entry(inner, ArchiveFormat.ORGANIZATION_ENTRY);
        org.write(ArchiveFormat.json(organization).getBytes(StandardCharsets.UTF_8));
        org.close();
        manifest.put(
            "organization",
            Map.of("file", ArchiveFormat.ORGANIZATION_ENTRY, "sha256", org.sha256()));
      }
      Entry manifestEntry = new Entry(inner, ArchiveFormat.MANIFEST_ENTRY);
      manifestEntry.write(ArchiveFormat.json(manifest).getBytes(StandardCharsets.UTF_8));
      manifestEntry.close();
    }
    outer.closeEntry();

    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("format", ArchiveFormat.FORMAT);
    statement.put("formatVersion", ArchiveFormat.VERSION);
    statement.put("municipalityId", id.toString());
    statement.put("slug", municipality.get("slug"));
    statement.put("exportedAt", Instant.now().toString());
    statement.put("schemaVersion", schemaVersion);
    statement.put("sourceKey", own.signingThumbprint());
    statement.put("targetKey", target.encryptionThumbprint());
    statement.put("keySha256", hex(TableRows.sha256().digest(keyBytes)));
    statement.put("payloadSha256", hex(payloadDigest.digest()));
    statement.put("payloadBytes", payloadBytes[0]);
    Map<String, Object> perTable = new LinkedHashMap<>();
    contents.forEach(
        (name, content) ->
            perTable.put(name, Map.of("rows", content.rows(), "contentSha256", content.sha256())));
    statement.put("tables", perTable);
    outer.putNextEntry(new ZipEntry(ArchiveFormat.STATEMENT_ENTRY));
    outer.write(sign(own, ArchiveFormat.json(statement)).getBytes(StandardCharsets.US_ASCII));
    outer.closeEntry();
    outer.finish();
    outer.flush();
    return new Report(id, (String) municipality.get("slug"), contents, payloadBytes[0]);
  }

  private static Map<String, Object> municipality(Connection c, String slug) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("select id, slug, name, ags from municipality where slug = ?")) {
      p.setString(1, slug);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new PortabilityRefusal(
              "Keine Kommune mit dem Kurznamen „" + slug + "“ / no municipality with slug " + slug);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", rs.getObject(1, UUID.class));
        m.put("slug", rs.getString(2));
        m.put("name", rs.getString(3));
        m.put("ags", rs.getString(4));
        return m;
      }
    }
  }

  /**
   * Each data key of the municipality, opened with the source's master key and encrypted for the
   * target's key (JWE): the target wraps it with its own master key on import. The wrapped form of
   * the source never leaves.
   */
  private static long dataKeys(
      Connection c, UUID municipality, KeyProvider master, PortabilityKeys target, Entry out)
      throws SQLException, IOException {
    long count = 0;
    try (PreparedStatement p =
        c.prepareStatement(
            "select key_version, master_key_id, wrapped_key from "
                + TenantTables.DATA_KEY_TABLE
                + " where municipality_id = ? order by key_version")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int version = rs.getInt(1);
          byte[] raw =
              master.unwrap(
                  rs.getString(2), rs.getBytes(3), DataKeys.wrappingContext(municipality, version));
          String jwe =
              encryptFor(
                  target,
                  ArchiveFormat.json(
                      Map.of(
                          "municipality_id",
                          municipality.toString(),
                          "key_version",
                          version,
                          "key",
                          Base64.getEncoder().encodeToString(raw))));
          java.util.Arrays.fill(raw, (byte) 0);
          out.line(ArchiveFormat.json(Map.of("key_version", version, "jwe", jwe)));
          count++;
        }
      }
    }
    return count;
  }

  static String encryptFor(PortabilityKeys target, String json) {
    try {
      JWEObject jwe =
          new JWEObject(
              new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                  .keyID(target.encryptionThumbprint())
                  .build(),
              new Payload(json));
      jwe.encrypt(new RSAEncrypter(target.encryption()));
      return jwe.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("JWE encryption failed", e);
    }
  }

  private static String sign(PortabilityKeys own, String json) {
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(own.signingThumbprint()).build(),
              new Payload(json));
      jws.sign(new RSASSASigner(own.signing()));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new PortabilityRefusal(
          "Signieren nicht möglich – ist es der private Schlüssel der Quelle? / cannot sign: is"
              + " this the source's private key set?",
          e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** One entry of the inner ZIP, hashed as it is written. */
  private static final class Entry {
    private final ZipOutputStream zip;
    private final MessageDigest digest = TableRows.sha256();
    private String sha256;

    Entry(ZipOutputStream zip, String name) throws IOException {
      this.zip = zip;
      zip.putNextEntry(new ZipEntry(name));
    }

    void line(String json) throws IOException {
      write(json.getBytes(StandardCharsets.UTF_8));
      write(new byte[] {'\n'});
    }

    void write(byte[] bytes) throws IOException {
      digest.update(bytes);
      zip.write(bytes);
    }

    void close() throws IOException {
      zip.closeEntry();
      sha256 = hex(digest.digest());
    }

    String sha256() {
      return sha256;
    }
  }
}
