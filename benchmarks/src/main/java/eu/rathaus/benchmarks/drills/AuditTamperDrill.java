package eu.rathaus.benchmarks.drills;

import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import eu.rathaus.launcher.AuditVerifyCommand;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Drill (e): tampers with the audit chain directly in the database as a superuser (triggers off
 * with {@code session_replication_role = replica}), runs the verifier on exactly what the tampered
 * transaction sees, and rolls back, so the real chain is never harmed. Each generated case states
 * which entry the verifier must name; a case passes only if it names exactly that one.
 *
 * <p>Kinds: change a content field, change a stored hash, delete an entry (middle or last), swap
 * two entries' positions, rewrite an entry and re-hash everything after it (the verifier must at
 * least notice). Separately ({@link #headRewrites}): rewrite entries, hashes and the chain head,
 * which only the signed checkpoints reveal, so it is tried on entries a checkpoint covers, and the
 * window of newer entries is measured and reported.
 */
public final class AuditTamperDrill {

  /** One generated case and what came of it. */
  public record Case(String kind, String chain, long seq, long expectedSeq, String named) {
    boolean passed() {
      return named.equals("seq " + expectedSeq);
    }
  }

  private AuditTamperDrill() {}

  public static Drill.Verdict run(DataSource superuser, int casesPerKind, long seed)
      throws SQLException {
    Random random = new Random(seed);
    Map<String, long[]> chains = chains(superuser);
    if (chains.isEmpty()) {
      return Drill.Verdict.fail("audit-tampering", "no audit entries to tamper with");
    }
    List<String> names = new ArrayList<>(chains.keySet());
    List<Case> cases = new ArrayList<>();
    try (Connection c = superuser.getConnection()) {
      c.setAutoCommit(false);
      VerificationResult untouched = AuditVerifyCommand.verify(c);
      c.rollback();
      if (!untouched.ok()) {
        return Drill.Verdict.fail(
            "audit-tampering",
            "the chain is already broken before tampering: " + untouched.reason());
      }
      String[] kinds = {"change-content", "change-hash", "delete", "delete-last", "reorder"};
      for (String kind : kinds) {
        for (int i = 0; i < casesPerKind; i++) {
          String chain = names.get(random.nextInt(names.size()));
          long last = chains.get(chain)[0];
          if (last < 3) {
            continue;
          }
          long seq = 1 + random.nextInt((int) last - 1); // never the last, unless asked
          long expected = seq;
          try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
          }
          switch (kind) {
            case "change-content" ->
                update(
                    c,
                    "update audit_entry set "
                        + List.of(
                                "details = coalesce(details, '') || 'x'",
                                "actor = actor || 'x'",
                                "action = action || 'x'",
                                "occurred_at = occurred_at + interval '1 second'",
                                "subject_id = coalesce(subject_id, '') || '0'")
                            .get(random.nextInt(5))
                        + " where chain = ? and seq = ?",
                    chain,
                    seq);
            case "change-hash" ->
                update(
                    c,
                    "update audit_entry set hash = md5(hash) || md5(prev_hash)"
                        + " where chain = ? and seq = ?",
                    chain,
                    seq);
            case "delete" -> {
              update(c, "delete from audit_entry where chain = ? and seq = ?", chain, seq);
              expected = seq + 1; // the gap shows at the next entry
            }
            case "delete-last" -> {
              seq = last;
              update(c, "delete from audit_entry where chain = ? and seq = ?", chain, seq);
              expected = last - 1; // the chain now ends before its head: named at its new end
            }
            case "reorder" -> {
              long other = seq + 1 + random.nextInt((int) (last - seq));
              update(
                  c,
                  "update audit_entry set seq = 2000000000 where chain = ? and seq = ?",
                  chain,
                  seq);
              updateTwo(
                  c,
                  "update audit_entry set seq = ? where chain = ? and seq = ?",
                  seq,
                  chain,
                  other);
              updateTwo(
                  c,
                  "update audit_entry set seq = ? where chain = ? and seq = 2000000000",
                  other,
                  chain,
                  null);
            }
            default -> throw new IllegalStateException(kind);
          }
          VerificationResult result = AuditVerifyCommand.verify(c);
          c.rollback();
          String named =
              result.ok()
                  ? "nothing (chain reported intact)"
                  : result
                      .firstBroken()
                      .filter(r -> r.chain().equals(chain))
                      .map(r -> "seq " + r.seq())
                      .orElse("no entry: " + result.reason());
          cases.add(new Case(kind, chain, seq, expected, named));
        }
      }
      // Re-hashing: a signed checkpoint covering the entry names the entry itself; beyond the last
      // checkpoint the chain head gives it away (named at the chain's end).
      for (int i = 0; i < casesPerKind; i++) {
        String chain = names.get(random.nextInt(names.size()));
        long last = chains.get(chain)[0];
        long seq = 1 + random.nextInt((int) last);
        long anchoredTo = anchoredTo(c, chain);
        String named = rewriteAndVerify(c, chain, seq, false);
        cases.add(
            new Case(
                "rehash-after",
                chain,
                seq,
                seq <= anchoredTo ? seq : last,
                named != null ? named : "nothing (chain reported intact)"));
      }
    }
    long passed = cases.stream().filter(Case::passed).count();
    Map<String, int[]> byKind = new LinkedHashMap<>();
    for (Case k : cases) {
      int[] n = byKind.computeIfAbsent(k.kind(), x -> new int[2]);
      n[0]++;
      if (k.passed()) {
        n[1]++;
      }
    }
    StringBuilder evidence = new StringBuilder();
    byKind.forEach(
        (k, n) ->
            evidence.append("; ").append(k).append(' ').append(n[1]).append('/').append(n[0]));
    String details = table(cases);
    Drill.Verdict main =
        passed == cases.size()
            ? Drill.Verdict.pass(
                "audit-tampering", passed + "/" + cases.size() + " named exactly" + evidence)
            : Drill.Verdict.fail(
                "audit-tampering", passed + "/" + cases.size() + " named exactly" + evidence);
    return main.withDetails(details);
  }

  /**
   * Rewrites the entry at {@code seq} and re-hashes everything after it (and, if asked, the chain
   * head too) in the open transaction, runs the verifier on what it sees and rolls back; true if
   * the verifier reported the chain broken: where it says, or null if it reported it intact.
   */
  private static String rewriteAndVerify(Connection c, String chain, long seq, boolean alsoHead)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("set local session_replication_role = replica");
    }
    rehashFrom(c, chain, seq, alsoHead);
    VerificationResult result = AuditVerifyCommand.verify(c);
    c.rollback();
    return result.ok()
        ? null
        : result.firstBroken().map(r -> "seq " + r.seq()).orElse(result.reason());
  }

  /**
   * The attack a hash chain alone cannot see: a superuser rewrites an entry, re-hashes every later
   * entry and rewrites the chain head too. Only the signed checkpoints (V38, key outside
   * PostgreSQL) give it away, so only entries a checkpoint covers can be protected; the verdict
   * passes if every rewrite of such an entry is detected. {@code window} states what is left
   * unprotected (entries newer than the last checkpoint), measured by the caller.
   */
  public static Drill.Verdict headRewrites(
      DataSource superuser, int cases, long seed, String window) throws SQLException {
    Random random = new Random(seed * 31 + 7);
    Map<String, long[]> chains = chains(superuser);
    int tried = 0;
    int detected = 0;
    StringBuilder table =
        new StringBuilder(
            "| chain | rewritten from seq | anchored up to | detected |\n|---|---:|---:|---|\n");
    try (Connection c = superuser.getConnection()) {
      c.setAutoCommit(false);
      List<String> names = new ArrayList<>(chains.keySet());
      for (int i = 0; i < cases && !names.isEmpty(); i++) {
        String chain = names.get(random.nextInt(names.size()));
        long anchoredTo = anchoredTo(c, chain);
        c.rollback();
        if (anchoredTo < 1) {
          continue;
        }
        long seq = 1 + random.nextInt((int) anchoredTo);
        tried++;
        String named = rewriteAndVerify(c, chain, seq, true);
        if (named != null) {
          detected++;
        }
        table
            .append("| ")
            .append(chain)
            .append(" | ")
            .append(seq)
            .append(" | ")
            .append(anchoredTo)
            .append(" | ")
            .append(named != null ? "yes, " + named : "**no**")
            .append(" |\n");
      }
    }
    String evidence =
        detected
            + "/"
            + tried
            + " rewrites of entries and chain head by a superuser detected (every rewritten entry"
            + " older than the last signed checkpoint)"
            + (window.isEmpty() ? "" : "; " + window);
    return new Drill.Verdict(
        "audit-head-rewrite", tried > 0 && detected == tried, evidence, table.toString());
  }

  /**
   * The unprotected window right now: for every chain with entries newer than its last checkpoint,
   * rewrites its newest entry and the head; returns {tried, unnoticed}.
   */
  public static int[] probeWindow(DataSource superuser) throws SQLException {
    int tried = 0;
    int unnoticed = 0;
    try (Connection c = superuser.getConnection()) {
      c.setAutoCommit(false);
      for (Map.Entry<String, long[]> chain : chains(superuser).entrySet()) {
        long last = chain.getValue()[0];
        long anchoredTo = anchoredTo(c, chain.getKey());
        c.rollback();
        if (last > anchoredTo) {
          tried++;
          if (rewriteAndVerify(c, chain.getKey(), last, true) == null) {
            unnoticed++;
          }
        }
      }
    }
    return new int[] {tried, unnoticed};
  }

  /**
   * Waits until a signed checkpoint covers every chain up to its head; returns the seconds waited,
   * or -1 if {@code timeoutSeconds} passed first.
   */
  public static double awaitAnchored(DataSource db, int timeoutSeconds)
      throws SQLException, InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < timeoutSeconds * 1_000_000_000L) {
      long unanchored =
          Drill.scalar(
              db,
              "select count(*) from audit_chain_head h where h.last_seq > coalesce((select"
                  + " max(to_seq) from audit_checkpoint k where k.chain = h.chain), 0)");
      if (unanchored == 0) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(500);
    }
    return -1;
  }

  /** The last entry of {@code chain} a signed checkpoint covers; 0 if none does. */
  private static long anchoredTo(Connection c, String chain) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select coalesce(max(to_seq), 0) from audit_checkpoint where chain = ?")) {
      s.setString(1, chain);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Rewrites the entry at {@code seq} (details) and re-computes its hash and every later entry's
   * link and hash with the portal's own hasher — what an attacker with the source code does.
   */
  private static void rehashFrom(Connection c, String chain, long seq, boolean alsoHead)
      throws SQLException {
    update(
        c,
        "update audit_entry set details = coalesce(details, '') || ' (geändert)' where chain = ?"
            + " and seq = ?",
        chain,
        seq);
    String prev;
    try (PreparedStatement s =
        c.prepareStatement(
            "select coalesce((select hash from audit_entry where chain = ? and seq = ?), ?)")) {
      s.setString(1, chain);
      s.setLong(2, seq - 1);
      s.setString(3, eu.rathaus.audit.domain.AuditHasher.GENESIS);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        prev = rs.getString(1);
      }
    }
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select seq, occurred_at, actor, action, subject_type, subject_id, municipality_id,"
                + " details from audit_entry where chain = ? and seq >= ? order by seq")) {
      s.setString(1, chain);
      s.setLong(2, seq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Object[] {
                rs.getLong(1),
                rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, java.util.UUID.class),
                rs.getString(8)
              });
        }
      }
    }
    long lastSeq = seq;
    for (Object[] r : rows) {
      String hash =
          eu.rathaus.audit.domain.AuditHasher.hash(
              new eu.rathaus.audit.domain.AuditHasher.Content(
                  chain,
                  (Long) r[0],
                  (java.time.Instant) r[1],
                  (String) r[2],
                  (String) r[3],
                  (String) r[4],
                  (String) r[5],
                  (java.util.UUID) r[6],
                  (String) r[7]),
              prev);
      try (PreparedStatement s =
          c.prepareStatement(
              "update audit_entry set prev_hash = ?, hash = ? where chain = ? and seq = ?")) {
        s.setString(1, prev);
        s.setString(2, hash);
        s.setString(3, chain);
        s.setLong(4, (Long) r[0]);
        s.executeUpdate();
      }
      prev = hash;
      lastSeq = (Long) r[0];
    }
    if (alsoHead) {
      try (PreparedStatement s =
          c.prepareStatement(
              "update audit_chain_head set last_seq = ?, last_hash = ? where chain = ?")) {
        s.setLong(1, lastSeq);
        s.setString(2, prev);
        s.setString(3, chain);
        s.executeUpdate();
      }
    }
  }

  private static Map<String, long[]> chains(DataSource ds) throws SQLException {
    Map<String, long[]> chains = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select chain, max(seq) from audit_entry group by chain having max(seq) >= 3"
                    + " order by chain")) {
      while (rs.next()) {
        chains.put(rs.getString(1), new long[] {rs.getLong(2)});
      }
    }
    return chains;
  }

  private static void update(Connection c, String sql, String chain, long seq) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, chain);
      s.setLong(2, seq);
      s.executeUpdate();
    }
  }

  private static void updateTwo(Connection c, String sql, long value, String chain, Long seq)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, value);
      s.setString(2, chain);
      if (seq != null) {
        s.setLong(3, seq);
      }
      s.executeUpdate();
    }
  }

  private static String table(List<Case> cases) {
    StringBuilder s =
        new StringBuilder("| kind | chain | tampered seq | must name | verifier named |\n");
    s.append("|---|---|---:|---|---|\n");
    for (Case k : cases) {
      s.append("| ")
          .append(k.kind())
          .append(" | ")
          .append(k.chain())
          .append(" | ")
          .append(k.seq())
          .append(" | seq ")
          .append(k.expectedSeq())
          .append(" | ")
          .append(k.named())
          .append(k.passed() ? "" : " **(wrong)**")
          .append(" |\n");
    }
    return s.toString();
  }
}
