package eu.rathaus.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the submission API reads before it asks anyone: the body, the key, the language. */
class ApplicationsResourceTest {

  @Test
  void onlyAnObjectUnderAnswersIsABody() {
    assertThat(ApplicationsResource.answers(null)).isEmpty();
    assertThat(ApplicationsResource.answers("  ")).isEmpty();
    assertThat(ApplicationsResource.answers("[1,2]")).isEmpty();
    assertThat(ApplicationsResource.answers("{\"answers\":[1]}")).isEmpty();
    assertThat(ApplicationsResource.answers("{\"other\":{}}")).isEmpty();
    assertThat(ApplicationsResource.answers("{not json")).isEmpty();
    // Duplicate keys would let two readers see two different applications: refused.
    assertThat(ApplicationsResource.answers("{\"answers\":{\"a\":\"1\",\"a\":\"2\"}}")).isEmpty();
    assertThat(
            ApplicationsResource.answers(
                "{\"answers\":{\"x\":\""
                    + "y".repeat(ApplicationsResource.MAX_BODY_CHARS)
                    + "\"}}"))
        .isEmpty();
    assertThat(ApplicationsResource.answers("{\"answers\":{\"lastName\":\"Api\"}}"))
        .hasValueSatisfying(a -> assertThat(a.get("lastName").asText()).isEqualTo("Api"));
  }

  @Test
  void idempotencyKeysAreWhatTheDatabaseTakes() {
    assertThat(
            ApplicationsResource.IDEMPOTENCY_KEY
                .matcher("3f6c1f0e-8c1b-4d9b-a7a5-3b1f2c9d0e11")
                .matches())
        .isTrue();
    assertThat(ApplicationsResource.IDEMPOTENCY_KEY.matcher("short").matches()).isFalse();
    assertThat(ApplicationsResource.IDEMPOTENCY_KEY.matcher("a".repeat(65)).matches()).isFalse();
    assertThat(ApplicationsResource.IDEMPOTENCY_KEY.matcher("with space 1234567890").matches())
        .isFalse();
  }

  @Test
  void problemsAreEnglishOnlyWhenAskedFor() {
    assertThat(ApplicationsResource.locale("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
    assertThat(ApplicationsResource.locale("de-DE")).isEqualTo(Locale.GERMAN);
    assertThat(ApplicationsResource.locale(null)).isEqualTo(Locale.GERMAN);
  }
}
