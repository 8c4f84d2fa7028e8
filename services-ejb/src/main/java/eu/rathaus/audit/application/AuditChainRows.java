package eu.rathaus.audit.application;

import eu.rathaus.audit.domain.AuditChainVerifier.ChainHead;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.audit.domain.AuditHasher;
import eu.rathaus.audit.domain.AuditRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit chains read over plain JDBC, for tools that run outside the application server ({@code
 * ./rathaus audit-verify}, the portability import): entries in chain order and the chain heads, as
 * the verifier takes them; and appending one entry as the portal does. Works in the caller's
 * transaction.
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

  /**
   * Appends {@code event} at the end of its chain, hashed as the portal hashes (the chain head is
   * locked until the caller's transaction ends), for tools writing behind the portal: the
   * portability erasure, tests seeding rows. Returns the entry's sequence number.
   */
  public static long append(Connection c, AuditEvent event) throws SQLException {
    String chain = event.chain();
    long seq = 1;
    String previous = AuditHasher.GENESIS;
    try (PreparedStatement p =
        c.prepareStatement(
            "select last_seq, last_hash from audit_chain_head where chain = ? for update")) {
      p.setString(1, chain);
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          seq = rs.getLong(1) + 1;
          previous = rs.getString(2);
        }
      }
    }
    Instant at = AuditHasher.storable(Instant.now());
    String hash =
        AuditHasher.hash(
            new AuditHasher.Content(
                chain,
                seq,
                at,
                event.actor(),
                event.action(),
                event.subjectType(),
                event.subjectId(),
                event.municipalityId(),
                event.details()),
            previous);
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into audit_chain_head (chain, last_seq, last_hash) values (?, ?, ?)"
                + " on conflict (chain) do update set last_seq = excluded.last_seq, last_hash = excluded.last_hash")) {
      p.setString(1, chain);
      p.setLong(2, seq);
      p.setString(3, hash);
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into audit_entry (chain, seq, occurred_at, actor, action, subject_type, subject_id,"
                + " municipality_id, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, chain);
      p.setLong(2, seq);
      p.setTimestamp(3, Timestamp.from(at));
      p.setString(4, event.actor());
      p.setString(5, event.action());
      p.setString(6, event.subjectType());
      p.setString(7, event.subjectId());
      p.setObject(8, event.municipalityId());
      p.setString(9, event.details());
      p.setString(10, previous);
      p.setString(11, hash);
      p.executeUpdate();
    }
    return seq;
  }
}
