package eu.rathaus.web.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplyNavigationTest {

  @Test
  void showsTheReachedStepWithoutOrWithAnUnreadableParameter() {
    assertThat(ApplyNavigation.stepToShow(null, 2, 3)).isEqualTo(2);
    assertThat(ApplyNavigation.stepToShow("zwei", 2, 3)).isEqualTo(2);
  }

  @Test
  void goesBackButNeverAheadOfTheReachedStep() {
    assertThat(ApplyNavigation.stepToShow("0", 2, 3)).isZero();
    assertThat(ApplyNavigation.stepToShow("1", 2, 3)).isEqualTo(1);
    assertThat(ApplyNavigation.stepToShow("3", 2, 3)).isEqualTo(2);
    assertThat(ApplyNavigation.stepToShow("-4", 2, 3)).isZero();
  }

  @Test
  void aDraftBeyondTheLastStepShowsTheReview() {
    assertThat(ApplyNavigation.stepToShow(null, 7, 3)).isEqualTo(3);
    assertThat(ApplyNavigation.stepToShow("9", 7, 3)).isEqualTo(3);
  }

  @Test
  void comesBackToTheDraftOrToTheNewFormWithEncodedParameters() {
    assertThat(ApplyNavigation.here("abc", "x", "y")).isEqualTo("/citizen/apply.xhtml?draft=abc");
    assertThat(ApplyNavigation.here(null, "bad wörth", "a&b"))
        .isEqualTo("/citizen/apply.xhtml?m=bad+w%C3%B6rth&s=a%26b");
  }

  @Test
  void stepQueryAndDraftIds() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000007");
    assertThat(ApplyNavigation.stepQuery(id, 2)).isEqualTo("draft=" + id + "&step=2");
    assertThat(ApplyNavigation.parseUuid(id.toString())).contains(id);
    assertThat(ApplyNavigation.parseUuid("nope")).isEmpty();
    assertThat(ApplyNavigation.parseUuid(null)).isEmpty();
  }

  @Test
  void typedValuesWaitForTheirOwnStepOnceAndAreReplacedByALaterBack() {
    Map<String, Object> session = new HashMap<>();
    UUID draft = UUID.randomUUID();
    ApplyNavigation.keepTyped(session, draft, 1, "{\"a\":\"1\"}");
    ApplyNavigation.keepTyped(session, draft, 1, "{\"a\":\"2\"}");
    assertThat(ApplyNavigation.takeTyped(session, draft, 0)).isNull();
    assertThat(ApplyNavigation.takeTyped(session, UUID.randomUUID(), 1)).isNull();
    assertThat(ApplyNavigation.takeTyped(session, null, 1)).isNull();
    assertThat(ApplyNavigation.takeTyped(session, draft, 1)).isEqualTo("{\"a\":\"2\"}");
    assertThat(ApplyNavigation.takeTyped(session, draft, 1)).isNull();
  }
}
