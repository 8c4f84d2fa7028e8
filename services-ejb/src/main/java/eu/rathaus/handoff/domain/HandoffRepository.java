package eu.rathaus.handoff.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored destinations, handed-off submissions and accepted status events (V52). Every method runs
 * in the caller's transaction and scope; row-level security admits the municipality's staff scope
 * and the platform.
 */
public interface HandoffRepository {

  /** The destination of a service definition (active or not). */
  Optional<Destination> destinationOf(UUID municipalityId, UUID definitionId);

  Optional<Destination> destination(UUID destinationId);

  /** Inserts or replaces the destination of its definition. */
  void saveDestination(Destination destination, String changedBy, Instant now);

  void addSubmission(HandedOff submission, String sealedContent);

  /** Pending submissions of a destination, oldest first. */
  List<HandedOff> pending(UUID destinationId, int limit);

  Optional<HandedOff> submission(UUID destinationId, UUID submissionId);

  /** The sealed content; counts the fetch. */
  Optional<String> fetch(UUID destinationId, UUID submissionId, Instant now);

  /** PENDING → ACKNOWLEDGED; false if it was not pending. */
  boolean acknowledge(UUID destinationId, UUID submissionId, Instant now);

  /** PENDING → REJECTED with the reason; false if it was not pending. */
  boolean reject(UUID destinationId, UUID submissionId, String reason, Instant now);

  /** Records an accepted event; false if this destination sent an event with this id before. */
  boolean addEvent(
      UUID municipalityId,
      UUID destinationId,
      UUID submissionId,
      String jti,
      String kind,
      Instant issuedAt,
      Instant now);

  /** Whether this destination sent an event with this id before. */
  boolean eventSeen(UUID destinationId, String jti);
}
