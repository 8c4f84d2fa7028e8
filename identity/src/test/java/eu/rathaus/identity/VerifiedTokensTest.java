package eu.rathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  @Test
  void aTokenIsKnownUntilItExpiresAndNoLonger() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 300_000);
    tokens.put("token-a", "erika", 1_060_000, 1_000_000);

    assertThat(tokens.get("token-a", 1_000_001)).hasValue("erika");
    assertThat(tokens.get("token-a", 1_059_999)).hasValue("erika");
    assertThat(tokens.get("token-a", 1_060_000)).isEmpty();
    assertThat(tokens.size()).as("an expired token is forgotten when asked for").isZero();
    assertThat(tokens.get("token-b", 1_000_001)).as("never verified").isEmpty();
  }

  @Test
  void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 300_000);
    tokens.put("token-a", "erika", 9_000_000, 1_000_000);

    assertThat(tokens.get("token-a", 1_299_999)).hasValue("erika");
    assertThat(tokens.get("token-a", 1_300_000)).isEmpty();
  }

  @Test
  void anAlreadyExpiredTokenIsNotKept() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, 300_000);
    tokens.put("token-a", "erika", 999_000, 1_000_000);

    assertThat(tokens.get("token-a", 1_000_000)).isEmpty();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void theCacheStaysWithinItsCapacityExpiredEntriesFirst() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(3, 300_000);
    tokens.put("short", "a", 1_000_010, 1_000_000);
    tokens.put("long-1", "b", 1_100_000, 1_000_000);
    tokens.put("long-2", "c", 1_100_000, 1_000_000);

    // Full: the expired entry makes room, the others stay.
    tokens.put("long-3", "d", 1_100_000, 1_000_020);
    assertThat(tokens.size()).isEqualTo(3);
    assertThat(tokens.get("long-1", 1_000_020)).hasValue("b");
    assertThat(tokens.get("long-3", 1_000_020)).hasValue("d");

    // Full of live entries: all go (verified again on their next use), the new one stays.
    tokens.put("long-4", "e", 1_100_000, 1_000_030);
    assertThat(tokens.size()).isEqualTo(1);
    assertThat(tokens.get("long-4", 1_000_030)).hasValue("e");
    assertThat(tokens.get("long-1", 1_000_030)).isEmpty();
  }
}
