package eu.rathaus.web.it;

import eu.rathaus.launcher.MailCatcher;
import java.util.List;

/**
 * Mail received by the test stack's mail catcher. Kept out of the test classes themselves, because
 * Arquillian loads those inside the server too, where launcher types do not exist.
 */
public final class ItMail {

  private ItMail() {}

  /** Waits up to {@code millis} for mail to {@code address}, then counts it. */
  public static long messagesTo(String address, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    long count;
    do {
      count = ItStack.mail().messages().stream().filter(m -> m.to().contains(address)).count();
      if (count > 0) {
        return count;
      }
      Thread.sleep(250);
    } while (System.currentTimeMillis() < deadline);
    return count;
  }

  /**
   * Waits up to {@code millis} for a mail to {@code address} whose text contains {@code marker}
   * (other tests may have mailed the same person before) and returns that text, or null.
   */
  public static String awaitTextTo(String address, String marker, long millis)
      throws InterruptedException {
    return awaitOtherTextTo(address, marker, null, millis);
  }

  /**
   * Like {@link #awaitTextTo}, but skips mail that contains {@code notContaining} (an earlier mail
   * of the same kind, e.g. the link it carried; null skips none).
   */
  public static String awaitOtherTextTo(
      String address, String marker, String notContaining, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    do {
      for (MailCatcher.ReceivedMail mail : ItStack.mail().messages()) {
        String body = mail.displayBody();
        if (mail.to().contains(address)
            && body.contains(marker)
            && (notContaining == null || !body.contains(notContaining))) {
          return body;
        }
      }
      Thread.sleep(250);
    } while (System.currentTimeMillis() < deadline);
    return null;
  }

  /** The text of the newest mail to {@code address}, or null. */
  public static String newestTextTo(String address) {
    List<MailCatcher.ReceivedMail> mails =
        ItStack.mail().messages().stream().filter(m -> m.to().contains(address)).toList();
    return mails.isEmpty() ? null : mails.get(mails.size() - 1).displayBody();
  }
}
