package eu.rathaus.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.audit.domain.AuditHasher;
import eu.rathaus.audit.domain.AuditRecord;
import eu.rathaus.audit.infrastructure.AuditCheckpointJob;
import eu.rathaus.web.it.Deployments;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: a database superuser rewrites an audit entry, relinks every later entry and moves the
 * chain head — a rewrite the hash chain alone cannot see. The signed checkpoints (key outside the
 * database) reveal it, and the verifier names the rewritten entry. Restored, the chain verifies.
 */
@ExtendWith(ArquillianExtension.class)
class AuditAnchorIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(AuditAnchorIT.class);
  }

  @Inject AuditLog auditLog;
  @Inject AuditCheckpointJob checkpoints;
  @Inject UserTransaction tx;

  @Test
  void aRewriteOfEntriesAndHeadIsFoundThroughTheSignedCheckpoints() throws Exception {
    String marker = "audit-anchor-it-" + UUID.randomUUID();
    tx.begin();
    auditLog.record(new AuditEvent("it-clerk", "test.anchor", "case", "1", MUSTERSTADT, marker));
    long target =
        auditLog.record(
            new AuditEvent("it-clerk", "test.anchor", "case", "2", MUSTERSTADT, marker));
    auditLog.record(new AuditEvent("it-clerk", "test.anchor", "case", "3", MUSTERSTADT, marker));
    tx.commit();
    checkpoints.checkpointNow();
    assertTrue(auditLog.verify().ok(), "intact and anchored");

    String chain = "municipality:" + MUSTERSTADT;
    try {
      rewriteFrom(chain, target, "mallory");
      VerificationResult result = auditLog.verify();
      assertFalse(result.ok(), "the rewrite is found");
      AuditRecord first = result.firstBroken().orElseThrow();
      assertEquals(target, first.seq(), result.reason());
      assertEquals("mallory", first.actor());
      assertTrue(result.reason().contains("signed checkpoint"), result.reason());
    } finally {
      rewriteFrom(chain, target, "it-clerk");
    }
    VerificationResult restored = auditLog.verify();
    assertTrue(restored.ok(), restored::reason);
  }

  /**
   * What a superuser can do: give entry {@code seq} another actor, recompute its hash and every
   * later entry's links, and set the head to the new end — all in one transaction, triggers off.
   */
  private static void rewriteFrom(String chain, long seq, String actor) throws Exception {
    Class.forName("org.postgresql.Driver");
    try (Connection c =
            DriverManager.getConnection(System.getenv("POSTGRESQL_URL"), "postgres", "postgres");
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("set session_replication_role = replica");
      String prev;
      try (PreparedStatement head =
          c.prepareStatement("select last_hash from audit_chain_head where chain = ? for update")) {
        head.setString(1, chain);
        head.executeQuery().close();
      }
      try (PreparedStatement before =
          c.prepareStatement("select hash from audit_entry where chain = ? and seq = ?")) {
        before.setString(1, chain);
        before.setLong(2, seq - 1);
        try (ResultSet rs = before.executeQuery()) {
          prev = rs.next() ? rs.getString(1) : AuditHasher.GENESIS;
        }
      }
      try (PreparedStatement rows =
              c.prepareStatement(
                  "select id, seq, occurred_at, actor, action, subject_type, subject_id,"
                      + " municipality_id, details from audit_entry where chain = ? and seq >= ?"
                      + " order by seq");
          PreparedStatement update =
              c.prepareStatement(
                  "update audit_entry set actor = ?, prev_hash = ?, hash = ? where id = ?")) {
        rows.setString(1, chain);
        rows.setLong(2, seq);
        long last = 0;
        try (ResultSet rs = rows.executeQuery()) {
          while (rs.next()) {
            long entrySeq = rs.getLong("seq");
            String entryActor = entrySeq == seq ? actor : rs.getString("actor");
            String hash =
                AuditHasher.hash(
                    new AuditHasher.Content(
                        chain,
                        entrySeq,
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        entryActor,
                        rs.getString("action"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        rs.getObject("municipality_id", UUID.class),
                        rs.getString("details")),
                    prev);
            update.setString(1, entryActor);
            update.setString(2, prev);
            update.setString(3, hash);
            update.setLong(4, rs.getLong("id"));
            update.executeUpdate();
            prev = hash;
            last = entrySeq;
          }
        }
        try (PreparedStatement head =
            c.prepareStatement(
                "update audit_chain_head set last_seq = ?, last_hash = ? where chain = ?")) {
          head.setLong(1, last);
          head.setString(2, prev);
          head.setString(3, chain);
          head.executeUpdate();
        }
      }
      c.commit();
    }
  }
}
