package eu.rathaus.messaging.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stored outbox rows. */
public interface OutboxRepository {

  void add(OutboxMessage message);

  /**
   * Up to {@code limit} rows due at {@code now}, locked for this transaction and skipped by any
   * other sender (several portal instances share one database): each row is worked on by one
   * sender.
   */
  List<OutboxMessage> claimDue(Instant now, int limit);

  OutboxMessage find(UUID id);

  /** The municipality's messages the sender gave up on, newest first. */
  List<OutboxMessage> givenUp(UUID municipalityId, int limit);
}
