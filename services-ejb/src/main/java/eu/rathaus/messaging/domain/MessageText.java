package eu.rathaus.messaging.domain;

import java.util.Optional;

/**
 * The rules for a message's text. The text is stored exactly as written (no trimming, no HTML
 * cleaning): pages always render it escaped, so markup in it is shown, never run, and what the
 * citizen wrote stays provable word for word.
 */
public final class MessageText {

  /** Long enough for any letter, short enough that a message cannot be abused as file storage. */
  public static final int MAX_LENGTH = 10_000;

  private MessageText() {}

  /** The message key of the problem with {@code text}, empty if it may be sent. */
  public static Optional<String> problem(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of("mailbox.error.empty");
    }
    if (text.codePointCount(0, text.length()) > MAX_LENGTH || text.length() > MAX_LENGTH) {
      return Optional.of("mailbox.error.tooLong");
    }
    return Optional.empty();
  }

  /** Rules for a thread title (a general thread's subject line). */
  public static Optional<String> titleProblem(String title) {
    if (title == null || title.isBlank()) {
      return Optional.of("mailbox.error.titleEmpty");
    }
    if (title.length() > 200) {
      return Optional.of("mailbox.error.titleTooLong");
    }
    return Optional.empty();
  }
}
