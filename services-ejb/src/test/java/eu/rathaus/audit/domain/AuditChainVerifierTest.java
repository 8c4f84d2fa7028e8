package eu.rathaus.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.audit.domain.AuditChainVerifier.ChainHead;
import eu.rathaus.audit.domain.AuditChainVerifier.VerificationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  /** Builds a chain the way JpaAuditLog writes one. */
  private static List<AuditRecord> chain(String name, UUID municipality, int length, long firstId) {
    List<AuditRecord> records = new ArrayList<>();
    String prev = AuditHasher.GENESIS;
    Instant t = Instant.parse("2026-11-27T10:15:30.123456789Z");
    for (int seq = 1; seq <= length; seq++) {
      Instant at = AuditHasher.storable(t.plusSeconds(seq));
      AuditHasher.Content content =
          new AuditHasher.Content(
              name,
              seq,
              at,
              "user-" + seq,
              "auth.sign-in",
              "user",
              "u" + seq,
              municipality,
              "{\"n\":" + seq + "}");
      String hash = AuditHasher.hash(content, prev);
      records.add(
          new AuditRecord(
              firstId + seq,
              name,
              seq,
              at,
              "user-" + seq,
              "auth.sign-in",
              "user",
              "u" + seq,
              municipality,
              "{\"n\":" + seq + "}",
              prev,
              hash));
      prev = hash;
    }
    return records;
  }

  private static Map<String, ChainHead> heads(List<AuditRecord> records) {
    Map<String, ChainHead> heads = new HashMap<>();
    records.forEach(r -> heads.put(r.chain(), new ChainHead(r.seq(), r.hash())));
    return heads;
  }

  private static AuditRecord withActor(AuditRecord r, String actor) {
    return new AuditRecord(
        r.id(),
        r.chain(),
        r.seq(),
        r.occurredAt(),
        actor,
        r.action(),
        r.subjectType(),
        r.subjectId(),
        r.municipalityId(),
        r.details(),
        r.prevHash(),
        r.hash());
  }

  @Test
  void intactChainsVerify() {
    List<AuditRecord> all =
        new ArrayList<>(chain("municipality:" + MUSTERSTADT, MUSTERSTADT, 5, 0));
    all.addAll(chain("platform", null, 3, 100));
    VerificationResult result = AuditChainVerifier.verify(all, heads(all));
    assertThat(result.ok()).isTrue();
    assertThat(result.checked()).isEqualTo(8);
    assertThat(result.firstBroken()).isEmpty();
  }

  @Test
  void alteredContentIsReportedAtTheFirstChangedEntry() {
    List<AuditRecord> all = chain("platform", null, 6, 0);
    Map<String, ChainHead> heads = heads(all);
    all.set(3, withActor(all.get(3), "someone-else"));
    VerificationResult result = AuditChainVerifier.verify(all, heads);
    assertThat(result.ok()).isFalse();
    assertThat(result.firstBroken()).get().extracting(AuditRecord::seq).isEqualTo(4L);
    assertThat(result.reason()).contains("content altered");
  }

  @Test
  void recomputedHashDoesNotHideATamperingBecauseTheNextLinkBreaks() {
    List<AuditRecord> all = chain("platform", null, 4, 0);
    Map<String, ChainHead> heads = heads(all);
    AuditRecord r = withActor(all.get(1), "forger");
    String forged = r.expectedHash();
    all.set(
        1,
        new AuditRecord(
            r.id(),
            r.chain(),
            r.seq(),
            r.occurredAt(),
            r.actor(),
            r.action(),
            r.subjectType(),
            r.subjectId(),
            r.municipalityId(),
            r.details(),
            r.prevHash(),
            forged));
    VerificationResult result = AuditChainVerifier.verify(all, heads);
    assertThat(result.ok()).isFalse();
    assertThat(result.firstBroken()).get().extracting(AuditRecord::seq).isEqualTo(3L);
  }

  @Test
  void removedEntryInTheMiddleIsAGap() {
    List<AuditRecord> all = chain("platform", null, 5, 0);
    Map<String, ChainHead> heads = heads(all);
    all.remove(2);
    VerificationResult result = AuditChainVerifier.verify(all, heads);
    assertThat(result.ok()).isFalse();
    assertThat(result.reason()).contains("sequence gap");
    assertThat(result.firstBroken()).get().extracting(AuditRecord::seq).isEqualTo(4L);
  }

  @Test
  void removedEntriesAtTheEndAreCaughtByTheHead() {
    List<AuditRecord> all = chain("platform", null, 5, 0);
    Map<String, ChainHead> heads = heads(all);
    all.remove(4);
    VerificationResult result = AuditChainVerifier.verify(all, heads);
    assertThat(result.ok()).isFalse();
    assertThat(result.reason()).contains("entries removed at the end");
  }

  @Test
  void hashIsStableAndSeparatesFieldBoundaries() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    String a =
        AuditHasher.hash(
            new AuditHasher.Content("c", 1, at, "ab", "c", null, null, null, null),
            AuditHasher.GENESIS);
    String b =
        AuditHasher.hash(
            new AuditHasher.Content("c", 1, at, "a", "bc", null, null, null, null),
            AuditHasher.GENESIS);
    assertThat(a).hasSize(64).isNotEqualTo(b);
    assertThat(
            AuditHasher.hash(
                new AuditHasher.Content("c", 1, at, "ab", "c", null, null, null, null),
                AuditHasher.GENESIS))
        .isEqualTo(a);
    String withNull =
        AuditHasher.hash(
            new AuditHasher.Content("c", 1, at, "ab", "c", null, null, null, null),
            AuditHasher.GENESIS);
    String withDash =
        AuditHasher.hash(
            new AuditHasher.Content("c", 1, at, "ab", "c", "-", null, null, null),
            AuditHasher.GENESIS);
    assertThat(withNull).isNotEqualTo(withDash);
  }
}
