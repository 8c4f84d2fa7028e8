package eu.rathaus.messaging.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.messaging.domain.OutboxMessage;
import eu.rathaus.messaging.domain.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Queues a notice in the caller's transaction (MANDATORY: a notice queued outside the transaction
 * of what it reports could be sent for something that then rolls back). {@link OutboxSender}
 * delivers it.
 */
@ApplicationScoped
public class Outbox {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject OutboxRepository repository;

  Clock clock = Clock.systemUTC();

  /**
   * @param parameters values the template fills in; never personal data (a reference number is
   *     fine)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID queue(
      UUID municipalityId,
      String recipientSubject,
      String recipientEmail,
      String templateKey,
      Map<String, String> parameters,
      String locale) {
    OutboxMessage message =
        new OutboxMessage(
            UUID.randomUUID(),
            municipalityId,
            recipientSubject,
            recipientEmail,
            templateKey,
            JSON.valueToTree(new TreeMap<>(parameters)).toString(),
            locale,
            clock.instant());
    repository.add(message);
    return message.id();
  }
}
