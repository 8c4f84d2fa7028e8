package eu.rathaus.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.web.it.Deployments;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain against the real database: entries are written in the caller's transaction, the
 * chain verifies, and a row changed behind the portal's back (as a superuser, with the append-only
 * trigger switched off) is found and named. Each test writes the entries it checks.
 */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(AuditLogIT.class);
  }

  @Inject AuditLog auditLog;
  @Inject UserTransaction tx;

  @Test
  void entriesAreChainedPerMunicipalityAndVerify() throws Exception {
    long before = auditLog.verify().checked();
    tx.begin();
    long a =
        auditLog.record(
            new AuditEvent("it-clerk", "test.write", "case", "1", MUSTERSTADT, "audit-it"));
    long b =
        auditLog.record(new AuditEvent("it-clerk", "test.write", "case", "2", MUSTERSTADT, null));
    auditLog.record(
        new AuditEvent("it-admin", "test.platform", null, null, null, "platform entry"));
    tx.commit();
    assertEquals(a + 1, b, "consecutive sequence numbers in one chain");

    VerificationResult result = auditLog.verify();
    assertTrue(result.ok(), result::reason);
    assertEquals(before + 3, result.checked());
  }

  @Test
  void rolledBackWorkLeavesNoAuditEntry() throws Exception {
    long before = auditLog.verify().checked();
    tx.begin();
    auditLog.record(new AuditEvent("it-clerk", "test.rolled-back", null, null, MUSTERSTADT, null));
    tx.rollback();
    VerificationResult result = auditLog.verify();
    assertTrue(result.ok(), result::reason);
    assertEquals(before, result.checked());
  }

  @Test
  void anEntryChangedBehindThePortalsBackIsNamedAndTheRestoredChainVerifiesAgain()
      throws Exception {
    String marker = "audit-it-tamper-" + UUID.randomUUID();
    tx.begin();
    auditLog.record(new AuditEvent("it-clerk", "test.write", "case", "3", MUSTERSTADT, marker));
    tx.commit();
    assertTrue(auditLog.verify().ok(), "intact before the tampering");

    try {
      assertEquals(
          1, asSuperuser("update audit_entry set actor = 'mallory' where details = ?", marker));
      VerificationResult result = auditLog.verify();
      assertFalse(result.ok());
      assertEquals("mallory", result.firstBroken().orElseThrow().actor());
      assertTrue(result.reason().contains("content altered"), result.reason());
    } finally {
      asSuperuser("update audit_entry set actor = 'it-clerk' where details = ?", marker);
    }
    VerificationResult restored = auditLog.verify();
    assertTrue(restored.ok(), restored::reason);
  }

  /**
   * Runs an update as the database superuser with triggers off for this session only (replica
   * role), as an attacker with database access would; from inside the server, over the JDBC driver
   * module the portal's migrations use, to the database the portal is configured with.
   */
  private static int asSuperuser(String sql, String value) throws Exception {
    // The driver lives in a server module: register it with DriverManager from this class loader.
    Class.forName("org.postgresql.Driver");
    try (Connection c =
            DriverManager.getConnection(System.getenv("POSTGRESQL_URL"), "postgres", "postgres");
        Statement s = c.createStatement();
        PreparedStatement p = c.prepareStatement(sql)) {
      s.execute("set session_replication_role = replica");
      p.setString(1, value);
      return p.executeUpdate();
    }
  }
}
