package eu.rathaus.audit.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Walks stored audit entries and reports the first one that does not fit its chain.
 *
 * <p>Three kinds of damage are caught: an entry whose content was changed (its hash no longer
 * matches), an entry removed from the middle (a gap in {@code seq} or a {@code prev_hash} that
 * points nowhere) and entries cut off the end of a chain (the chain head remembers the last
 * sequence number and hash). Entries must come ordered by chain, then sequence.
 */
public final class AuditChainVerifier {

  private AuditChainVerifier() {}

  /** The last sequence number and hash a chain head row remembers. */
  public record ChainHead(long lastSeq, String lastHash) {}

  /** Outcome of a verification. */
  public record VerificationResult(
      boolean ok, long checked, Optional<AuditRecord> firstBroken, String reason) {
    static VerificationResult intact(long checked) {
      return new VerificationResult(true, checked, Optional.empty(), "intact");
    }

    static VerificationResult broken(long checked, AuditRecord at, String reason) {
      return new VerificationResult(false, checked, Optional.ofNullable(at), reason);
    }
  }

  /** Verifies entries without knowledge of the chain heads (truncation at the end goes unseen). */
  public static VerificationResult verify(Iterable<AuditRecord> entries) {
    return verify(entries, null);
  }

  /**
   * Verifies entries, and when {@code heads} is given also that every chain ends where its head
   * says.
   */
  public static VerificationResult verify(
      Iterable<AuditRecord> entries, Map<String, ChainHead> heads) {
    long checked = 0;
    String chain = null;
    long expectedSeq = 1;
    String previousHash = AuditHasher.GENESIS;
    AuditRecord last = null;
    for (AuditRecord entry : entries) {
      if (!entry.chain().equals(chain)) {
        VerificationResult end =
            checkEnd(chain, expectedSeq - 1, previousHash, heads, checked, last);
        if (end != null) {
          return end;
        }
        chain = entry.chain();
        expectedSeq = 1;
        previousHash = AuditHasher.GENESIS;
      }
      checked++;
      if (entry.seq() != expectedSeq) {
        return VerificationResult.broken(
            checked,
            entry,
            "sequence gap in chain "
                + chain
                + ": expected "
                + expectedSeq
                + ", found "
                + entry.seq());
      }
      if (!entry.prevHash().equals(previousHash)) {
        return VerificationResult.broken(
            checked,
            entry,
            "previous-hash link broken in chain " + chain + " at seq " + entry.seq());
      }
      if (!entry.hash().equals(entry.expectedHash())) {
        return VerificationResult.broken(
            checked, entry, "content altered in chain " + chain + " at seq " + entry.seq());
      }
      previousHash = entry.hash();
      expectedSeq++;
      last = entry;
    }
    VerificationResult end = checkEnd(chain, expectedSeq - 1, previousHash, heads, checked, last);
    if (end != null) {
      return end;
    }
    if (heads != null) {
      // A chain whose head exists but of which no entry was seen at all lost every entry.
      for (Map.Entry<String, ChainHead> head : heads.entrySet()) {
        if (head.getValue().lastSeq() > 0 && !seen(entries, head.getKey())) {
          return VerificationResult.broken(
              checked, null, "all entries of chain " + head.getKey() + " are missing");
        }
      }
    }
    return VerificationResult.intact(checked);
  }

  private static boolean seen(Iterable<AuditRecord> entries, String chain) {
    for (AuditRecord entry : entries) {
      if (entry.chain().equals(chain)) {
        return true;
      }
    }
    return false;
  }

  private static VerificationResult checkEnd(
      String chain,
      long lastSeq,
      String lastHash,
      Map<String, ChainHead> heads,
      long checked,
      AuditRecord last) {
    if (chain == null || heads == null) {
      return null;
    }
    ChainHead head = heads.get(chain);
    if (head == null) {
      return VerificationResult.broken(checked, last, "chain " + chain + " has no head row");
    }
    if (head.lastSeq() != lastSeq || !head.lastHash().equals(lastHash)) {
      return VerificationResult.broken(
          checked,
          last,
          "chain "
              + chain
              + " ends at seq "
              + lastSeq
              + " but its head says "
              + head.lastSeq()
              + " (entries removed at the end)");
    }
    return null;
  }
}
