package eu.rathaus.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.FailedNotification;
import eu.rathaus.messaging.application.FailedNotifications;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.OutboxRows;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox against a mail server that goes away: while SMTP is down a notice waits and is retried
 * with exponential back-off (10 s, then 20 s: {@code RetryPolicy.DEFAULT}, whose exact numbers
 * {@code RetryPolicyTest} checks); when SMTP returns it is delivered exactly once. A notice that
 * reaches the last attempt is given up; a given-up notice is shown to its municipality's admin
 * (address masked, never to another municipality) and sent after "retry".
 *
 * <p>Each test puts its own rows (fresh ids and addresses) in place and removes what it leaves
 * behind. "Nothing more happens" is checked after a signal, not after a pause: a probe notice
 * queued later has been handled, so the sender has been round its work list since.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationRetryIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(
        NotificationRetryIT.class,
        OutboxRows.class,
        OutboxRows.State.class,
        eu.rathaus.web.it.Jdbc.class);
  }

  @Inject FailedNotifications failed;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private static String address(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@retry.example.org";
  }

  @Test
  @RunAsClient
  void whileSmtpIsDownTheNoticeWaitsWithBackOffAndIsDeliveredOnceWhenItReturns() throws Exception {
    UUID retried = UUID.randomUUID();
    String to = address("retried");
    ItStack.stopMail();
    OutboxRows.State first;
    OutboxRows.State second;
    try {
      OutboxRows.replace(retried, MUSTERSTADT, to, Mailbox.MESSAGE_NOTICE, 0);
      first = OutboxRows.awaitAttempts(retried, 1, 15_000);
      assertNotNull(first, "the sender tried within its polling interval");
      assertNull(first.sentAt());
      assertNotNull(first.lastError(), "the error is kept for operators");
      // Bounds that hold however slow the machine is: a next attempt at most one back-off ahead,
      // and
      // the second wait twice the first (the second next attempt lies at least 20 s after the
      // first).
      long firstDelay = Duration.between(first.observedAt(), first.nextAttemptAt()).toSeconds();
      assertTrue(firstDelay <= 10, "first back-off at most 10 s, was " + firstDelay);

      second = OutboxRows.awaitAttempts(retried, 2, 30_000);
      assertNotNull(second, "retried after the back-off");
      assertNull(second.sentAt());
      long secondDelay = Duration.between(second.observedAt(), second.nextAttemptAt()).toSeconds();
      assertTrue(secondDelay <= 20, "second back-off at most 20 s, was " + secondDelay);
      long between = Duration.between(first.nextAttemptAt(), second.nextAttemptAt()).toSeconds();
      assertTrue(
          between >= 20, "second back-off doubled to 20 s: next attempts " + between + " s apart");
    } finally {
      ItStack.startMail();
    }
    OutboxRows.State sent = OutboxRows.awaitSent(retried, 40_000);
    assertNotNull(sent, "delivered once the mail server is back");
    assertNull(sent.nextAttemptAt());
    assertEquals(1, ItMail.messagesTo(to, 10_000));
    String text = ItMail.newestTextTo(to);
    assertTrue(text.contains("/citizen/thread.xhtml?id="), text);

    // A probe queued after the delivery arrives: the sender has been round again, and sent nothing
    // twice.
    String probe = address("probe");
    OutboxRows.replace(UUID.randomUUID(), MUSTERSTADT, probe, Mailbox.MESSAGE_NOTICE, 0);
    assertEquals(1, ItMail.messagesTo(probe, 30_000), "the probe was delivered");
    assertEquals(1, ItMail.messagesTo(to, 0), "exactly once");
  }

  @Test
  @RunAsClient
  void afterTheLastAttemptTheNoticeIsGivenUp() throws Exception {
    UUID givenUp = UUID.randomUUID();
    UUID probe = UUID.randomUUID();
    ItStack.stopMail();
    try {
      // Eleven failures already behind it: the next one is the twelfth and last of
      // RetryPolicy.DEFAULT.
      OutboxRows.replace(givenUp, MUSTERSTADT, address("given-up"), Mailbox.MESSAGE_NOTICE, 11);
      OutboxRows.State last = OutboxRows.awaitAttempts(givenUp, 12, 15_000);
      assertNotNull(last);
      assertNull(last.sentAt());
      assertNull(last.nextAttemptAt(), "no further attempt: given up");
      // A probe queued now has been tried: the sender has been round its work list since.
      OutboxRows.replace(probe, MUSTERSTADT, address("probe"), Mailbox.MESSAGE_NOTICE, 0);
      assertNotNull(OutboxRows.awaitAttempts(probe, 1, 15_000), "the sender went round again");
      assertEquals(12, OutboxRows.read(givenUp).attempts(), "and it stays given up");
    } finally {
      ItStack.startMail();
      OutboxRows.delete(givenUp, probe);
    }
  }

  @Test
  void theMunicipalAdminSeesAGivenUpNoticeMaskedAndRetriesIt() throws Exception {
    UUID givenUp = UUID.randomUUID();
    transactions.asPlatform(
        () ->
            em.createNativeQuery(
                    "insert into notification_outbox (id, municipality_id, recipient_subject, recipient_email, template_key,"
                        + " parameters, locale, attempts, next_attempt_at, last_error) values (?1, ?2, 'it-retry', ?3, ?4,"
                        + " jsonb_build_object('thread', cast(?5 as text)), 'de', 12, null, 'SMTP unreachable (test)')")
                .setParameter(1, givenUp)
                .setParameter(2, MUSTERSTADT)
                .setParameter(3, address("given-up"))
                .setParameter(4, Mailbox.MESSAGE_NOTICE)
                .setParameter(5, UUID.randomUUID().toString())
                .executeUpdate());

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-bsp-admin"));
    assertTrue(
        failed.list().stream().noneMatch(f -> f.id().equals(givenUp)),
        "not another municipality's");
    assertFalse(failed.retry(givenUp));

    caller.set(TenantScope.staff(MUSTERSTADT, "it-admin"));
    FailedNotification shown =
        failed.list().stream().filter(f -> f.id().equals(givenUp)).findFirst().orElseThrow();
    assertEquals("g***@retry.example.org", shown.maskedAddress());
    assertEquals(12, shown.attempts());
    assertEquals("SMTP unreachable (test)", shown.lastError());
    assertTrue(failed.retry(givenUp));
    assertFalse(failed.retry(givenUp), "already scheduled again");
    assertTrue(failed.list().stream().noneMatch(f -> f.id().equals(givenUp)));

    // The sender delivers it on its next round (the mail server is up).
    Object sentAt = null;
    for (int i = 0; i < 120 && sentAt == null; i++) {
      sentAt =
          transactions.call(
              TenantScope.platform("it"),
              () ->
                  em.createNativeQuery("select sent_at from notification_outbox where id = ?1")
                      .setParameter(1, givenUp)
                      .getSingleResult());
      if (sentAt == null) {
        Thread.sleep(250);
      }
    }
    assertNotNull(sentAt, "the retried notice was sent");
  }
}
