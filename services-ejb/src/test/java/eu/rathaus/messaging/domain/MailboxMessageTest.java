package eu.rathaus.messaging.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The read receipt: set by the receiving side's first opening only, never moved afterwards. */
class MailboxMessageTest {

  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final MailboxThread thread =
      new MailboxThread(
          UUID.randomUUID(), UUID.randomUUID(), null, "citizen-1", "a@example.org", "Frage", T0);

  private MailboxMessage fromStaff() {
    return new MailboxMessage(
        UUID.randomUUID(), thread, AuthorKind.STAFF, "clerk-1", "Clara Clerk", "Hallo", T0);
  }

  @Test
  void theCitizensFirstOpeningOfAStaffMessageIsTheReceipt() {
    MailboxMessage message = fromStaff();
    assertNull(message.readAt());
    assertTrue(message.openedBy(AuthorKind.CITIZEN, T0.plusSeconds(60)));
    assertEquals(T0.plusSeconds(60), message.readAt());
    assertFalse(
        message.openedBy(AuthorKind.CITIZEN, T0.plusSeconds(120)),
        "a second opening is no new receipt");
    assertEquals(T0.plusSeconds(60), message.readAt(), "the receipt never moves");
  }

  @Test
  void theReceiptIsKeptToTheMicrosecondLikeTheDatabase() {
    MailboxMessage message = fromStaff();
    message.openedBy(AuthorKind.CITIZEN, T0.plusNanos(1_234_567));
    assertEquals(T0.plusNanos(1_234_000), message.readAt());
  }

  @Test
  void openingOnesOwnMessageChangesNothing() {
    MailboxMessage message = fromStaff();
    assertFalse(message.openedBy(AuthorKind.STAFF, T0.plusSeconds(5)));
    assertNull(message.readAt());
    MailboxMessage citizens =
        new MailboxMessage(
            UUID.randomUUID(), thread, AuthorKind.CITIZEN, "citizen-1", null, "Antwort", T0);
    assertFalse(citizens.openedBy(AuthorKind.CITIZEN, T0));
    assertTrue(
        citizens.openedBy(AuthorKind.STAFF, T0.plusSeconds(1)),
        "staff reading marks it read for the office");
  }

  @Test
  void aMessageCarriesItsThreadsOwnerAndFallsBackToTheSubjectAsName() {
    MailboxMessage citizens =
        new MailboxMessage(
            UUID.randomUUID(), thread, AuthorKind.CITIZEN, "citizen-1", " ", "Antwort", T0);
    assertEquals("citizen-1", citizens.authorName());
    assertEquals(thread.municipalityId(), citizens.municipalityId());
  }

  @Test
  void addressMaskKeepsFirstLetterAndDomain() {
    assertEquals("e***@example.org", AddressMask.mask("erika.mustermann@example.org"));
    assertEquals("***", AddressMask.mask("nonsense"));
    assertEquals("", AddressMask.mask(null));
  }
}
