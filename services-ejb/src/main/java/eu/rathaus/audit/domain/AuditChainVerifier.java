package eu.rathaus.audit.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks stored audit entries and reports the first one that does not fit its chain.
 *
 * <p>Three kinds of damage are caught: an entry whose content was changed (its hash no longer
 * matches), an entry removed from the middle (a gap in {@code seq} or a {@code prev_hash} that
 * points nowhere) and entries cut off the end of a chain (the chain head remembers the last
 * sequence number and hash). Entries must come ordered by chain, then sequence.
 *
 * <p>With signed {@link AuditCheckpoint}s (issue 16) a fourth is caught: entries rewritten together
 * with their successors' links and the chain head, as only someone with full database rights can.
 * Every anchored entry must still carry the hash its checkpoint signed; the first that does not is
 * named.
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
    return walk(entries, heads, Map.of());
  }

  /**
   * Verifies entries and heads, and every entry against the checkpoints signed with {@code key}. A
   * checkpoint whose signature does not fit, or a gap between a chain's checkpoints, is reported
   * first: then the anchors themselves were tampered with.
   */
  public static VerificationResult verify(
      Iterable<AuditRecord> entries,
      Map<String, ChainHead> heads,
      List<AuditCheckpoint> checkpoints,
      byte[] key) {
    Map<String, List<AuditCheckpoint>> byChain = new HashMap<>();
    for (AuditCheckpoint checkpoint : checkpoints) {
      byChain.computeIfAbsent(checkpoint.chain(), c -> new ArrayList<>()).add(checkpoint);
    }
    for (Map.Entry<String, List<AuditCheckpoint>> chain : byChain.entrySet()) {
      chain.getValue().sort(Comparator.comparingLong(AuditCheckpoint::fromSeq));
      String previousMac = AuditHasher.GENESIS;
      long nextSeq = 1;
      for (AuditCheckpoint checkpoint : chain.getValue()) {
        if (!checkpoint.signedWith(key)) {
          return VerificationResult.broken(
              0,
              null,
              "checkpoint of chain "
                  + chain.getKey()
                  + " up to seq "
                  + checkpoint.toSeq()
                  + " has no valid signature (forged, or signed with another key)");
        }
        if (checkpoint.fromSeq() != nextSeq || !checkpoint.prevMac().equals(previousMac)) {
          return VerificationResult.broken(
              0,
              null,
              "checkpoints of chain "
                  + chain.getKey()
                  + " are not continuous at seq "
                  + checkpoint.fromSeq()
                  + " (a checkpoint was removed)");
        }
        previousMac = checkpoint.mac();
        nextSeq = checkpoint.toSeq() + 1;
      }
    }
    return walk(entries, heads, byChain);
  }

  private static String anchored(List<AuditCheckpoint> checkpoints, long seq) {
    if (checkpoints != null) {
      for (AuditCheckpoint checkpoint : checkpoints) {
        String hash = checkpoint.hashOf(seq);
        if (hash != null) {
          return hash;
        }
      }
    }
    return null;
  }

  private static long lastAnchored(List<AuditCheckpoint> checkpoints) {
    return checkpoints == null || checkpoints.isEmpty()
        ? 0
        : checkpoints.get(checkpoints.size() - 1).toSeq();
  }

  private static VerificationResult walk(
      Iterable<AuditRecord> entries,
      Map<String, ChainHead> heads,
      Map<String, List<AuditCheckpoint>> anchors) {
    long checked = 0;
    String chain = null;
    long expectedSeq = 1;
    String previousHash = AuditHasher.GENESIS;
    AuditRecord last = null;
    for (AuditRecord entry : entries) {
      if (!entry.chain().equals(chain)) {
        VerificationResult end =
            checkEnd(chain, expectedSeq - 1, previousHash, heads, checked, last);
        if (end == null) {
          end = checkAnchoredEnd(chain, expectedSeq - 1, anchors, checked, last);
        }
        if (end != null) {
          return end;
        }
        chain = entry.chain();
        expectedSeq = 1;
        previousHash = AuditHasher.GENESIS;
      }
      checked++;
      String signed = anchored(anchors.get(chain), entry.seq());
      if (signed != null && !signed.equals(entry.hash())) {
        return VerificationResult.broken(
            checked,
            entry,
            "entry differs from the signed checkpoint in chain "
                + chain
                + " at seq "
                + entry.seq()
                + " (rewritten in the database)");
      }
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
    if (end == null) {
      end = checkAnchoredEnd(chain, expectedSeq - 1, anchors, checked, last);
    }
    if (end != null) {
      return end;
    }
    for (Map.Entry<String, List<AuditCheckpoint>> anchor : anchors.entrySet()) {
      if (!seen(entries, anchor.getKey())) {
        return VerificationResult.broken(
            checked, null, "all entries of chain " + anchor.getKey() + " are missing");
      }
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

  /** A chain that ends before its last signed checkpoint lost entries at the end. */
  private static VerificationResult checkAnchoredEnd(
      String chain,
      long lastSeq,
      Map<String, List<AuditCheckpoint>> anchors,
      long checked,
      AuditRecord last) {
    if (chain == null) {
      return null;
    }
    long signedUpTo = lastAnchored(anchors.get(chain));
    return lastSeq < signedUpTo
        ? endsEarly(
            chain, lastSeq, "a signed checkpoint covers it up to seq " + signedUpTo, checked, last)
        : null;
  }

  private static VerificationResult endsEarly(
      String chain, long lastSeq, String witness, long checked, AuditRecord last) {
    return VerificationResult.broken(
        checked,
        last,
        "chain "
            + chain
            + " ends at seq "
            + lastSeq
            + " but "
            + witness
            + " (entries removed at the end)");
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
      return endsEarly(chain, lastSeq, "its head says " + head.lastSeq(), checked, last);
    }
    return null;
  }
}
