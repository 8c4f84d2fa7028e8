package eu.rathaus.messaging.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTextTest {

  @Test
  void emptyAndWhitespaceOnlyTextsAreRefused() {
    assertEquals(Optional.of("mailbox.error.empty"), MessageText.problem(null));
    assertEquals(Optional.of("mailbox.error.empty"), MessageText.problem(""));
    assertEquals(Optional.of("mailbox.error.empty"), MessageText.problem(" \t\r\n  "));
  }

  @Test
  void theLimitIsTenThousandCharacters() {
    assertTrue(MessageText.problem("x".repeat(MessageText.MAX_LENGTH)).isEmpty());
    assertEquals(
        Optional.of("mailbox.error.tooLong"),
        MessageText.problem("x".repeat(MessageText.MAX_LENGTH + 1)));
  }

  @Test
  void markupIsOrdinaryTextAndAccepted() {
    assertTrue(MessageText.problem("<script>alert('x')</script>").isEmpty());
  }

  @Test
  void titlesAreRequiredAndShort() {
    assertEquals(Optional.of("mailbox.error.titleEmpty"), MessageText.titleProblem("  "));
    assertEquals(
        Optional.of("mailbox.error.titleTooLong"), MessageText.titleProblem("t".repeat(201)));
    assertTrue(MessageText.titleProblem("Frage zur Müllabfuhr").isEmpty());
  }
}
