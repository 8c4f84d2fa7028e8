package eu.rathaus.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.audit.domain.AuditChainVerifier.ChainHead;
import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a rewrite of entries together with every later link and the chain head — invisible to
 * the hash chain alone — is found through the signed checkpoints, and the first rewritten entry is
 * named; checkpoints that were forged, signed with another key or removed are reported.
 */
class AuditCheckpointTest {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final byte[] KEY = "test-anchor-key".getBytes(StandardCharsets.UTF_8);
  private static final String CHAIN = "m:" + MUSTERSTADT;

  private static AuditRecord entry(long seq, String actor, String prev) {
    Instant at = AuditHasher.storable(Instant.parse("2026-11-27T10:15:30Z").plusSeconds(seq));
    String hash =
        AuditHasher.hash(
            new AuditHasher.Content(
                CHAIN, seq, at, actor, "case.decide", "case", "c" + seq, MUSTERSTADT, null),
            prev);
    return new AuditRecord(
        100 + seq,
        CHAIN,
        seq,
        at,
        actor,
        "case.decide",
        "case",
        "c" + seq,
        MUSTERSTADT,
        null,
        prev,
        hash);
  }

  /**
   * A chain of {@code length} entries; {@code rewriteFrom} onwards with another actor, relinked.
   */
  private static List<AuditRecord> chain(int length, int rewriteFrom) {
    List<AuditRecord> records = new ArrayList<>();
    String prev = AuditHasher.GENESIS;
    for (int seq = 1; seq <= length; seq++) {
      AuditRecord r = entry(seq, seq >= rewriteFrom ? "mallory" : "clerk-" + seq, prev);
      records.add(r);
      prev = r.hash();
    }
    return records;
  }

  private static Map<String, ChainHead> head(List<AuditRecord> records) {
    AuditRecord last = records.get(records.size() - 1);
    return Map.of(CHAIN, new ChainHead(last.seq(), last.hash()));
  }

  private static List<AuditCheckpoint> checkpoints(List<AuditRecord> records, int... cuts) {
    List<AuditCheckpoint> checkpoints = new ArrayList<>();
    String prevMac = AuditHasher.GENESIS;
    int from = 1;
    for (int to : cuts) {
      List<String> hashes = records.subList(from - 1, to).stream().map(AuditRecord::hash).toList();
      AuditCheckpoint c = AuditCheckpoint.sign(KEY, CHAIN, from, hashes, prevMac, 1_000L * to);
      checkpoints.add(c);
      prevMac = c.mac();
      from = to + 1;
    }
    return checkpoints;
  }

  @Test
  void anIntactChainVerifiesAgainstItsCheckpoints() {
    List<AuditRecord> original = chain(10, Integer.MAX_VALUE);
    VerificationResult result =
        AuditChainVerifier.verify(original, head(original), checkpoints(original, 4, 8), KEY);
    assertThat(result.ok()).as(result.reason()).isTrue();
    assertThat(result.checked()).isEqualTo(10);
  }

  @Test
  void aRewriteWithRelinkedSuccessorsAndHeadIsNamedAtItsFirstEntry() {
    List<AuditRecord> original = chain(10, Integer.MAX_VALUE);
    List<AuditCheckpoint> signed = checkpoints(original, 4, 8);
    List<AuditRecord> rewritten = chain(10, 3);
    // Without anchors the rewrite is perfect: every link and the head fit.
    assertThat(AuditChainVerifier.verify(rewritten, head(rewritten)).ok()).isTrue();

    VerificationResult result = AuditChainVerifier.verify(rewritten, head(rewritten), signed, KEY);
    assertThat(result.ok()).isFalse();
    assertThat(result.firstBroken()).hasValueSatisfying(r -> assertThat(r.seq()).isEqualTo(3));
    assertThat(result.reason()).contains("signed checkpoint", "seq 3");
  }

  @Test
  void entriesCutOffBeforeTheLastCheckpointAreFound() {
    List<AuditRecord> original = chain(10, Integer.MAX_VALUE);
    List<AuditRecord> cut = original.subList(0, 6);
    VerificationResult result =
        AuditChainVerifier.verify(cut, head(cut), checkpoints(original, 4, 8), KEY);
    assertThat(result.ok()).isFalse();
    assertThat(result.reason()).contains("up to seq 8");
  }

  @Test
  void forgedRemovedOrForeignCheckpointsAreReported() {
    List<AuditRecord> original = chain(10, Integer.MAX_VALUE);
    List<AuditCheckpoint> signed = checkpoints(original, 4, 8, 10);

    AuditCheckpoint first = signed.get(0);
    AuditCheckpoint forged =
        new AuditCheckpoint(
            CHAIN,
            first.fromSeq(),
            first.toSeq(),
            chain(4, 2).stream().map(AuditRecord::hash).toList(),
            first.prevMac(),
            first.createdMs(),
            first.mac());
    assertThat(
            AuditChainVerifier.verify(
                    original, head(original), List.of(forged, signed.get(1), signed.get(2)), KEY)
                .reason())
        .contains("no valid signature");
    assertThat(
            AuditChainVerifier.verify(
                    original, head(original), List.of(signed.get(0), signed.get(2)), KEY)
                .reason())
        .contains("not continuous");
    assertThat(
            AuditChainVerifier.verify(
                    original,
                    head(original),
                    signed,
                    "another-key".getBytes(StandardCharsets.UTF_8))
                .ok())
        .isFalse();
  }
}
