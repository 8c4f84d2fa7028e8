package eu.rathaus.portability.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import eu.rathaus.audit.application.AuditChainRows;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.portability.domain.PortabilityRefusal;
import eu.rathaus.portability.domain.TableSpec;
import eu.rathaus.portability.domain.TenantTables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Erases a municipality at the source after it has left: guarded, because it cannot be undone.
 * Refused unless the operator names the municipality again, it is suspended (no one works in it),
 * the archive is this installation's own signed export of it, and every table still holds exactly
 * what that archive holds (same counts and content hashes — nothing was added after the export).
 * Deletes every row of every table of the plan, its data keys included (so backups of its files are
 * unreadable too), its audit chain and the municipality, and records the erasure in the platform's
 * audit chain.
 */
public final class MunicipalityErasure {

  private MunicipalityErasure() {}

  /** Rows deleted per table. */
  public record Report(UUID municipality, Map<String, Long> deleted) {}

  public static Report erase(
      Connection c,
      String slug,
      String confirmation,
      Path archive,
      PortabilityKeys own,
      String actor)
      throws SQLException, IOException {
    if (!slug.equals(confirmation)) {
      throw new PortabilityRefusal(
          "Zur Bestätigung den Kurznamen der Kommune wiederholen (--confirm "
              + slug
              + ") / repeat the municipality's slug to confirm");
    }
    Map<String, Object> statement = statement(archive, own);
    c.setAutoCommit(false);
    try {
      Report report = delete(c, slug, statement, actor);
      c.commit();
      return report;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  private static Map<String, Object> statement(Path archive, PortabilityKeys own)
      throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry entry = zip.getEntry(ArchiveFormat.STATEMENT_ENTRY);
      if (entry == null) {
        throw new PortabilityRefusal("Kein Rathaus-Exportarchiv / not a Rathaus export archive");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        JWSObject jws =
            JWSObject.parse(new String(in.readNBytes(1 << 20), StandardCharsets.US_ASCII).strip());
        if (!jws.verify(new RSASSAVerifier(own.signing().toRSAPublicKey()))) {
          throw new PortabilityRefusal(
              "Das Archiv ist kein von dieser Installation signierter Export / the archive is no"
                  + " export signed by this installation");
        }
        return jws.getPayload().toJSONObject();
      }
    } catch (ParseException | JOSEException e) {
      throw new PortabilityRefusal("Signatur nicht lesbar / signature unreadable", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Report delete(
      Connection c, String slug, Map<String, Object> statement, String actor) throws SQLException {
    ArchiveFormat.requireBypassRls(c);
    UUID id;
    try (PreparedStatement p =
        c.prepareStatement("select id, status from municipality where slug = ? for update")) {
      p.setString(1, slug);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new PortabilityRefusal("Keine Kommune „" + slug + "“ / no municipality " + slug);
        }
        id = rs.getObject(1, UUID.class);
        if (!"SUSPENDED".equals(rs.getString(2))) {
          throw new PortabilityRefusal(
              "Erst sperren (Status SUSPENDED), dann löschen – die Kommune ist "
                  + rs.getString(2)
                  + " / suspend the municipality before erasing it");
        }
      }
    }
    if (!id.toString().equals(statement.get("municipalityId"))) {
      throw new PortabilityRefusal(
          "Das Archiv ist der Export einer anderen Kommune / the archive exports another municipality");
    }
    Map<String, Object> exported = (Map<String, Object>) statement.get("tables");
    TenantTables.Plan plan = TenantTables.plan(SchemaCatalog.tables(c));
    List<String> changed = new ArrayList<>();
    for (TableSpec spec : plan.tables()) {
      if (!spec.imported()) {
        // Evidence only (checkpoints): the portal keeps anchoring the chain after the export.
        continue;
      }
      TableRows.Content now = TableRows.content(c, spec, id);
      Map<String, Object> then = (Map<String, Object>) exported.get(spec.name());
      if (then == null
          ? now.rows() > 0
          : ((Number) then.get("rows")).longValue() != now.rows()
              || !now.sha256().equals(then.get("contentSha256"))) {
        changed.add(spec.name());
      }
    }
    if (!plan.uncovered().isEmpty() || !changed.isEmpty()) {
      throw new PortabilityRefusal(
          "Seit dem Export geändert: "
              + changed
              + plan.uncovered()
              + " – neu exportieren, nichts gelöscht / changed since the export: export again,"
              + " nothing erased");
    }
    Map<String, Long> deleted = new java.util.LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      // The append-only guards of the audit tables are triggers: off for this one transaction.
      s.execute("set local session_replication_role = replica");
    }
    List<TableSpec> reversed = new ArrayList<>(plan.tables());
    java.util.Collections.reverse(reversed);
    for (TableSpec spec : reversed) {
      try (PreparedStatement p =
          c.prepareStatement(
              "delete from "
                  + SchemaCatalog.quote(spec.name())
                  + " where "
                  + spec.selection().where())) {
        p.setObject(1, spec.selection().parameter(id));
        deleted.put(spec.name(), (long) p.executeUpdate());
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("set local session_replication_role = origin");
      s.executeUpdate(
          "update catalogue_revision set revision = revision + 1, changed_at = clock_timestamp()");
    }
    // The erasure, at the end of the platform's audit chain.
    AuditChainRows.append(
        c,
        new AuditEvent(
            actor,
            "municipality.erased",
            "municipality",
            id.toString(),
            null,
            "exported archive payload sha256 " + statement.get("payloadSha256")));
    return new Report(id, deleted);
  }
}
