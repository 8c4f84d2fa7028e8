package eu.rathaus.launcher;

import eu.rathaus.audit.application.AuditChainRows;
import eu.rathaus.audit.domain.AuditChainVerifier;
import eu.rathaus.audit.domain.AuditChainVerifier.ChainHead;
import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.audit.domain.AuditCheckpoint;
import eu.rathaus.audit.domain.AuditRecord;
import eu.rathaus.platform.DemoValues;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./rathaus audit-verify}: reads the audit chains over JDBC and checks them with the
 * portal's own verifier.
 *
 * <p>Runs outside the application server on purpose: an auditor must be able to check the chain
 * even when the portal is down or suspected. It connects as the owner role because the runtime role
 * may lose SELECT on the audit table in later migrations, and it reads the chain heads too, so
 * entries cut off the end of a chain are detected as well.
 */
public final class AuditVerifyCommand {

  private AuditVerifyCommand() {}

  static int run(StackConfig config, PrintStream out) {
    VerificationResult result;
    try (Connection c =
        DriverManager.getConnection(config.jdbcUrl(), config.ownerUser(), config.ownerPassword())) {
      c.setReadOnly(true);
      // One repeatable-read transaction so entries and heads come from the same snapshot.
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setAutoCommit(false);
      result = verify(c);
      c.rollback();
    } catch (SQLException e) {
      out.println(
          "Audit-Prüfung nicht möglich / audit verification impossible: "
              + e.getMessage()
              + " (läuft ./rathaus up? / is ./rathaus up running?)");
      return 1;
    }
    if (result.ok()) {
      out.println(
          "Audit-Kette intakt / audit chain intact: " + result.checked() + " Einträge / entries.");
      return 0;
    }
    String where =
        result
            .firstBroken()
            .map(
                r ->
                    " – Eintrag / entry id=" + r.id() + ", chain=" + r.chain() + ", seq=" + r.seq())
            .orElse("");
    out.println("Audit-Kette BESCHÄDIGT / audit chain BROKEN" + where + ": " + result.reason());
    return 1;
  }

  /**
   * Reads every chain and its head on {@code c} (in the caller's transaction, so a test can check
   * uncommitted changes) and verifies them with the portal's verifier.
   */
  public static VerificationResult verify(Connection c) throws SQLException {
    List<AuditRecord> entries = AuditChainRows.entries(c, null);
    Map<String, ChainHead> heads = AuditChainRows.heads(c, null);
    List<AuditCheckpoint> checkpoints = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT chain, from_seq, to_seq, hashes, prev_mac, created_ms, mac"
                  + " FROM audit_checkpoint ORDER BY chain, from_seq")) {
        while (rs.next()) {
          checkpoints.add(
              new AuditCheckpoint(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  AuditCheckpoint.splitHashes(rs.getString(4)),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getString(7)));
        }
      }
    }
    // The checkpoints are signed with a key PostgreSQL never sees: a superuser who rewrites entries
    // and chain heads together still breaks them.
    String key = System.getenv("RATHAUS_AUDIT_ANCHOR_KEY");
    return AuditChainVerifier.verify(
        entries,
        heads,
        checkpoints,
        (key == null || key.isBlank() ? DemoValues.AUDIT_ANCHOR_KEY : key.strip())
            .getBytes(StandardCharsets.UTF_8));
  }
}
