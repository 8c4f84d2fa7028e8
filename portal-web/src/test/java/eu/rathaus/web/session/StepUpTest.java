package eu.rathaus.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.identity.LevelOfAssurance;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one level-of-assurance decision of the citizen area filter and the application form. */
class StepUpTest {

  private static CurrentUser citizen(LevelOfAssurance level) {
    return new CurrentUser(
        "s", "erika", "Erika", null, Set.of(CurrentUser.CITIZEN), List.of(), level);
  }

  @Test
  void aSignInWithTheLevelOrNoRequirementGoesOn() {
    assertThat(
            StepUp.levelGap(
                citizen(LevelOfAssurance.HIGH),
                LevelOfAssurance.SUBSTANTIAL,
                null,
                "/p",
                "/citizen/x"))
        .isEmpty();
    assertThat(StepUp.levelGap(citizen(LevelOfAssurance.LOW), null, null, "/p", "/citizen/x"))
        .isEmpty();
  }

  @Test
  void aMissingLevelSendsToTheEidFirst() {
    assertThat(
            StepUp.levelGap(
                citizen(LevelOfAssurance.SUBSTANTIAL),
                LevelOfAssurance.HIGH,
                null,
                "/p",
                "/citizen/x?a=1"))
        .hasValue(new StepUp.LevelGap(LevelOfAssurance.HIGH, null));
    // An earlier attempt at a lower level does not count for this one.
    assertThat(
            StepUp.levelGap(
                citizen(LevelOfAssurance.LOW),
                LevelOfAssurance.HIGH,
                LevelOfAssurance.SUBSTANTIAL,
                "/p",
                "/x"))
        .hasValue(new StepUp.LevelGap(LevelOfAssurance.HIGH, null));
  }

  @Test
  void whoWasAlreadySentForTheLevelGetsTheExplanationInstead() {
    assertThat(
            StepUp.levelGap(
                citizen(LevelOfAssurance.LOW),
                LevelOfAssurance.HIGH,
                LevelOfAssurance.HIGH,
                "/p",
                "/x"))
        .hasValue(
            new StepUp.LevelGap(
                LevelOfAssurance.HIGH,
                "/p" + StepUp.LEVEL_NEEDED_PAGE + "?level=high&return=%2Fx"));
  }
}
