package eu.rathaus.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.Jdbc;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain against the real database: entries are written in the caller's transaction, the
 * chain verifies, and a row changed behind the portal's back (as a superuser, with the append-only
 * trigger switched off) is found and named.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final String MARKER = "audit-it-" + "tamper-target";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(AuditLogIT.class, Jdbc.class);
  }

  @Inject AuditLog auditLog;
  @Inject UserTransaction tx;

  @Test
  @Order(1)
  void entriesAreChainedPerMunicipalityAndVerify() throws Exception {
    long before = auditLog.verify().checked();
    tx.begin();
    long a = auditLog.record(new AuditEvent("it-clerk", "test.write", "case", "1", MUSTERSTADT, MARKER));
    long b = auditLog.record(new AuditEvent("it-clerk", "test.write", "case", "2", MUSTERSTADT, null));
    auditLog.record(new AuditEvent("it-admin", "test.platform", null, null, null, "platform entry"));
    tx.commit();
    assertEquals(a + 1, b, "consecutive sequence numbers in one chain");

    VerificationResult result = auditLog.verify();
    assertTrue(result.ok(), result::reason);
    assertEquals(before + 3, result.checked());
  }

  @Test
  @Order(2)
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
  @Order(3)
  @RunAsClient
  void tamperBehindThePortalsBack() throws Exception {
    try (Connection c = Jdbc.superuser(); Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      int changed =
          s.executeUpdate("update audit_entry set actor = 'mallory' where id = (select max(id) from audit_entry where details = '" + MARKER + "')");
      assertEquals(1, changed);
    }
  }

  @Test
  @Order(4)
  void tamperedEntryIsDetectedAndNamed() {
    VerificationResult result = auditLog.verify();
    assertFalse(result.ok());
    assertEquals("mallory", result.firstBroken().orElseThrow().actor());
    assertTrue(result.reason().contains("content altered"), result.reason());
  }

  @Test
  @Order(5)
  @RunAsClient
  void restoreTheTamperedEntry() throws Exception {
    try (Connection c = Jdbc.superuser(); Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      s.executeUpdate("update audit_entry set actor = 'it-clerk' where actor = 'mallory' and details = '" + MARKER + "'");
    }
  }

  @Test
  @Order(6)
  void restoredChainVerifiesAgain() {
    VerificationResult result = auditLog.verify();
    assertTrue(result.ok(), result::reason);
  }
}
