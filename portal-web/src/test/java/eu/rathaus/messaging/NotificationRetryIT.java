package eu.rathaus.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.messaging.application.FailedNotification;
import eu.rathaus.messaging.application.FailedNotifications;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.OutboxRows;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox against a mail server that goes away: while SMTP is down a notice waits and is retried
 * with exponential back-off (10 s, then 20 s: {@code RetryPolicy.DEFAULT}); when SMTP returns it is
 * delivered exactly once. A notice that reaches the last attempt is given up, shown to its
 * municipality's admin (address masked, never to another municipality) and sent after "retry".
 *
 * <p>The rows use fixed ids (replaced on every run, the test database is kept) so the client steps
 * (which stop and start the test stack's mail server) and the in-container step find the same row.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationRetryIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  static final UUID RETRIED = UUID.fromString("5e1d0000-0000-4000-8000-00000000a001");
  static final UUID GIVEN_UP = UUID.fromString("5e1d0000-0000-4000-8000-00000000a002");
  static final String RETRIED_TO = "retried@retry.example.org";
  static final String GIVEN_UP_TO = "given-up@retry.example.org";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(NotificationRetryIT.class, OutboxRows.class, OutboxRows.State.class,
        eu.rathaus.web.it.Jdbc.class);
  }

  @Inject FailedNotifications failed;
  @Inject CallerScope caller;

  @Test
  @Order(1)
  @RunAsClient
  void whileSmtpIsDownTheNoticeWaitsWithBackOffAndIsDeliveredOnceWhenItReturns() throws Exception {
    ItStack.stopMail();
    OutboxRows.State first;
    OutboxRows.State second;
    try {
      OutboxRows.replace(RETRIED, MUSTERSTADT, RETRIED_TO, Mailbox.MESSAGE_NOTICE, 0);
      first = OutboxRows.awaitAttempts(RETRIED, 1, 15_000);
      assertNotNull(first, "the sender tried within its polling interval");
      assertNull(first.sentAt());
      assertNotNull(first.lastError(), "the error is kept for operators");
      long firstDelay = Duration.between(first.observedAt(), first.nextAttemptAt()).toSeconds();
      assertTrue(firstDelay >= 6 && firstDelay <= 10, "first back-off about 10 s, was " + firstDelay);

      second = OutboxRows.awaitAttempts(RETRIED, 2, 20_000);
      assertNotNull(second, "retried after the back-off");
      assertNull(second.sentAt());
      long secondDelay = Duration.between(second.observedAt(), second.nextAttemptAt()).toSeconds();
      assertTrue(secondDelay >= 16 && secondDelay <= 20, "second back-off about 20 s (doubled), was " + secondDelay);
    } finally {
      ItStack.startMail();
    }
    OutboxRows.State sent = OutboxRows.awaitSent(RETRIED, 40_000);
    assertNotNull(sent, "delivered once the mail server is back");
    assertNull(sent.nextAttemptAt());
    Thread.sleep(5_000);
    assertEquals(1, ItMail.messagesTo(RETRIED_TO, 1_000), "exactly once");
    String text = ItMail.newestTextTo(RETRIED_TO);
    assertTrue(text.contains("/citizen/thread.xhtml?id="), text);
  }

  @Test
  @Order(2)
  @RunAsClient
  void afterTheLastAttemptTheNoticeIsGivenUp() throws Exception {
    ItStack.stopMail();
    try {
      // Eleven failures already behind it: the next one is the twelfth and last of RetryPolicy.DEFAULT.
      OutboxRows.replace(GIVEN_UP, MUSTERSTADT, GIVEN_UP_TO, Mailbox.MESSAGE_NOTICE, 11);
      OutboxRows.State last = OutboxRows.awaitAttempts(GIVEN_UP, 12, 15_000);
      assertNotNull(last);
      assertNull(last.sentAt());
      assertNull(last.nextAttemptAt(), "no further attempt: given up");
      Thread.sleep(4_000);
      assertEquals(12, OutboxRows.read(GIVEN_UP).attempts(), "and it stays given up");
    } finally {
      ItStack.startMail();
    }
  }

  @Test
  @Order(3)
  void theMunicipalAdminSeesTheFailureMaskedAndRetriesIt() {
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-bsp-admin"));
    assertTrue(failed.list().stream().noneMatch(f -> f.id().equals(GIVEN_UP)), "not another municipality's");
    assertFalse(failed.retry(GIVEN_UP));

    caller.set(TenantScope.staff(MUSTERSTADT, "it-admin"));
    FailedNotification shown = failed.list().stream().filter(f -> f.id().equals(GIVEN_UP)).findFirst().orElseThrow();
    assertEquals("g***@retry.example.org", shown.maskedAddress());
    assertEquals(12, shown.attempts());
    assertNotNull(shown.lastError());
    assertTrue(failed.list().stream().noneMatch(f -> f.id().equals(RETRIED)), "a delivered notice is not listed");
    assertTrue(failed.retry(GIVEN_UP));
    assertFalse(failed.retry(GIVEN_UP), "already scheduled again");
    assertTrue(failed.list().stream().noneMatch(f -> f.id().equals(GIVEN_UP)));
  }

  @Test
  @Order(4)
  @RunAsClient
  void theRetriedNoticeIsDelivered() throws Exception {
    assertNotNull(OutboxRows.awaitSent(GIVEN_UP, 15_000));
    assertEquals(1, ItMail.messagesTo(GIVEN_UP_TO, 2_000));
  }
}
