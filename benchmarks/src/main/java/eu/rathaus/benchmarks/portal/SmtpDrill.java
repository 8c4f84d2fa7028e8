package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.MailCatcher;
import eu.rathaus.launcher.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drill (c): the mail server is down while citizens submit; afterwards every confirmation must be
 * delivered exactly once. The stack's mail catcher is stopped, applications are submitted, and
 * after {@code downSeconds} a new catcher is started on the same ports; the drill then waits (up to
 * the outbox's back-off) until each submission's reference has arrived, and counts the mails per
 * reference.
 */
final class SmtpDrill {

  private SmtpDrill() {}

  /** Returns the verdict and the new mail catcher, which the caller must stop. */
  static Object[] run(Stack stack, Citizen citizen, int submissions, int downSeconds)
      throws Exception {
    stack.mail().stop();
    long downAt = System.nanoTime();
    List<String> references = new ArrayList<>();
    for (int i = 0; i < submissions; i++) {
      references.add(citizen.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE));
    }
    long left = downSeconds * 1_000_000_000L - (System.nanoTime() - downAt);
    if (left > 0) {
      Thread.sleep(left / 1_000_000);
    }
    MailCatcher catcher = MailCatcher.start(stack.config());
    long upAt = System.nanoTime();
    // The outbox doubles its wait after each failure (10 s, 20 s, 40 s …): after an outage of d
    // seconds the next attempt comes within about d + the last wait, so wait up to twice the
    // outage.
    long deadline = upAt + Math.max(180, 2L * downSeconds + 60) * 1_000_000_000L;
    int[] counts = new int[references.size()];
    while (System.nanoTime() < deadline) {
      counts = count(catcher, references);
      boolean all = true;
      for (int n : counts) {
        all &= n >= 1;
      }
      if (all) {
        break;
      }
      Thread.sleep(2000);
    }
    double deliveredAfter = (System.nanoTime() - upAt) / 1e9;
    // A little longer: a second delivery of the same notification would show up now.
    Thread.sleep(30_000);
    counts = count(catcher, references);
    int once = 0;
    int missing = 0;
    int twice = 0;
    for (int n : counts) {
      if (n == 1) {
        once++;
      } else if (n == 0) {
        missing++;
      } else {
        twice++;
      }
    }
    boolean pass = once == references.size();
    String evidence =
        String.format(
            Locale.ROOT,
            "mail server down %d s, %d submissions acknowledged meanwhile; after it came back: %d"
                + " confirmations delivered exactly once, %d missing, %d more than once (all in %.0f"
                + " s; then 30 s more watched for duplicates)",
            downSeconds,
            references.size(),
            once,
            missing,
            twice,
            deliveredAfter);
    return new Object[] {new Drill.Verdict("smtp-down", pass, evidence, ""), catcher};
  }

  private static int[] count(MailCatcher catcher, List<String> references) {
    int[] counts = new int[references.size()];
    for (MailCatcher.ReceivedMail mail : catcher.messages()) {
      String text = mail.subject() + "\n" + mail.displayBody();
      for (int i = 0; i < references.size(); i++) {
        if (!references.get(i).isEmpty() && text.contains(references.get(i))) {
          counts[i]++;
        }
      }
    }
    return counts;
  }
}
