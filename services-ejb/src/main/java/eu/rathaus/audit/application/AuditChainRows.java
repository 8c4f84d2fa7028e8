package eu.rathaus.audit.application;

import eu.rathaus.audit.domain.AuditChainVerifier.ChainHead;
import eu.rathaus.audit.domain.AuditRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit chains read over plain JDBC, for tools that run outside the application server ({@code
 * ./rathaus audit-verify}, the portability import): entries in chain order and the chain heads, as
 * the verifier takes them. Reads in the caller's transaction.
 */
public final class AuditChainRows {

  private AuditChainRows() {}

  /** Every entry of {@code chain}, or of all chains if it is null, ordered by chain and seq. */
  public static List<AuditRecord> entries(Connection c, String chain) throws SQLException {
    List<AuditRecord> entries = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select id, chain, seq, occurred_at, actor, action, subject_type, subject_id,"
                + " municipality_id, details, prev_hash, hash from audit_entry"
                + " where (cast(? as varchar) is null or chain = ?) order by chain, seq")) {
      p.setString(1, chain);
      p.setString(2, chain);
      p.setFetchSize(1000);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new AuditRecord(
                  rs.getLong("id"),
                  rs.getString("chain"),
                  rs.getLong("seq"),
                  rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                  rs.getString("actor"),
                  rs.getString("action"),
                  rs.getString("subject_type"),
                  rs.getString("subject_id"),
                  rs.getObject("municipality_id", UUID.class),
                  rs.getString("details"),
                  rs.getString("prev_hash"),
                  rs.getString("hash")));
        }
      }
    }
    return entries;
  }

  /** The head of {@code chain}, or of every chain if it is null. */
  public static Map<String, ChainHead> heads(Connection c, String chain) throws SQLException {
    Map<String, ChainHead> heads = new HashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select chain, last_seq, last_hash from audit_chain_head"
                + " where (cast(? as varchar) is null or chain = ?)")) {
      p.setString(1, chain);
      p.setString(2, chain);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          heads.put(rs.getString(1), new ChainHead(rs.getLong(2), rs.getString(3)));
        }
      }
    }
    return heads;
  }
}
