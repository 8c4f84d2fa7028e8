package eu.rathaus.portability.infrastructure;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.rathaus.portability.domain.PortabilityRefusal;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.util.Map;

/**
 * Names and shapes of the export archive (described in the README, "Leave with your data"): an
 * outer ZIP with {@value #KEY_ENTRY} (the payload key, JWE for the target), {@value #PAYLOAD_ENTRY}
 * (the inner ZIP, chunked AES-GCM) and {@value #STATEMENT_ENTRY} (JWS of the source over all of
 * it); inside the payload {@value #DATA_KEYS_ENTRY}, one {@code tables/<table>.jsonl} per table and
 * {@value #MANIFEST_ENTRY} last.
 */
final class ArchiveFormat {

  static final String FORMAT = "rathaus-municipality-export";

  /**
   * 2 since the municipality's Keycloak organization travels along ({@value #ORGANIZATION_ENTRY}).
   */
  static final int VERSION = 2;

  /** The oldest format version an import still reads (1: without the organization). */
  static final int OLDEST_READABLE_VERSION = 1;

  static final String KEY_ENTRY = "key.jwe";
  static final String PAYLOAD_ENTRY = "payload.bin";
  static final String STATEMENT_ENTRY = "statement.jws";
  static final String DATA_KEYS_ENTRY = "keys/data-keys.jsonl";
  static final String MANIFEST_ENTRY = "manifest.json";
  static final String ORGANIZATION_ENTRY = "identity/organization.json";

  private ArchiveFormat() {}

  static String json(Map<String, ?> object) {
    return JSONObjectUtils.toJSONString(object);
  }

  static Map<String, Object> parse(String json, String what) {
    try {
      return JSONObjectUtils.parse(json);
    } catch (ParseException e) {
      throw new PortabilityRefusal(
          what + " ist kein gültiges JSON / " + what + " is no valid JSON", e);
    }
  }

  /**
   * Export and import read and write every municipality's rows whatever row-level security says:
   * only a superuser or a role with BYPASSRLS can, and the portal's own roles are neither.
   */
  static void requireBypassRls(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select rolsuper, rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
      rs.next();
      if (!rs.getBoolean(2)) {
        throw new PortabilityRefusal(
            "Die Datenbankrolle darf Zeilensicherheit nicht umgehen – Export und Import brauchen den"
                + " Superuser der Datenbank (RATHAUS_PORTABILITY_DB_USER) / the database role cannot"
                + " bypass row-level security: export and import need the database superuser");
      }
    }
  }

  /** An output stream whose close leaves the stream underneath open (an entry of a ZIP). */
  static OutputStream keepOpen(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }
}
