package eu.rathaus.webhooks.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.applications.application.ApplicationSubmitted;
import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.catalogue.application.PublishedService;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.messaging.application.CitizenWrote;
import eu.rathaus.webhooks.domain.WebhookEventType;
import eu.rathaus.webhooks.domain.WebhookRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Queues an event for the municipality's subscriptions in the transaction it happens in (MANDATORY:
 * an event queued outside it could be sent for something that then rolls back; one that commits is
 * never lost). The payload follows the Standard Webhooks shape {@code {"type", "timestamp",
 * "data"}}; what {@code data} holds per event is listed on {@link WebhookEventType} — ids,
 * reference numbers and status values, no personal data. {@link WebhookSender} delivers it.
 *
 * <p>Submissions and citizens' messages are observed (their capabilities do not know webhooks);
 * cases and payments call {@link #raise} where their status changes.
 */
@ApplicationScoped
public class WebhookEvents {

  /** After the case, the payment request and the hand-off. */
  public static final int SUBMISSION_PRIORITY = ApplicationSubmitted.PAYMENT + 300;

  /**
   * The event of a destination's push channel: {@code submissionId, destinationId, referenceNumber,
   * serviceKey, content} (the submission sealed as JWE for the destination).
   */
  public static final String HANDED_OFF = "submission.handed-off";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject WebhookRepository repository;
  @Inject ServiceCatalogue catalogue;

  Clock clock = Clock.systemUTC();

  /** Queues {@code data} as {@code type} for the municipality; returns how many deliveries. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int raise(UUID municipalityId, WebhookEventType type, Map<String, Object> data) {
    Instant now = clock.instant();
    return repository.enqueue(municipalityId, type.wireName(), payload(type, now, data), now);
  }

  /**
   * Queues a sealed submission for the push channel of its hand-off destination (event {@link
   * #HANDED_OFF}); returns how many deliveries (0 if the destination is pulled only).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int push(UUID municipalityId, UUID destinationId, Map<String, Object> data) {
    Instant now = clock.instant();
    return repository.push(
        municipalityId, destinationId, HANDED_OFF, payload(HANDED_OFF, now, data), now);
  }

  static String payload(WebhookEventType type, Instant at, Map<String, Object> data) {
    return payload(type.wireName(), at, data);
  }

  static String payload(String type, Instant at, Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("timestamp", at.toString());
    body.put("data", data);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event data not serialisable", e);
    }
  }

  void onSubmission(@Observes @Priority(SUBMISSION_PRIORITY) ApplicationSubmitted submitted) {
    CaseApplication a = submitted.application();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("applicationId", a.id().toString());
    data.put("referenceNumber", a.referenceNumber().toString());
    data.put(
        "serviceKey",
        catalogue
            .publishedVersion(a.municipalityId(), a.versionId())
            .map(PublishedService::serviceKey)
            .orElse(null));
    data.put("submittedAt", a.submittedAt() == null ? null : a.submittedAt().toString());
    raise(a.municipalityId(), WebhookEventType.APPLICATION_SUBMITTED, data);
  }

  void onCitizenWrote(@Observes CitizenWrote wrote) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("threadId", wrote.threadId().toString());
    data.put("messageId", wrote.messageId().toString());
    data.put("caseId", wrote.caseId() == null ? null : wrote.caseId().toString());
    raise(wrote.municipalityId(), WebhookEventType.MESSAGE_RECEIVED, data);
  }
}
