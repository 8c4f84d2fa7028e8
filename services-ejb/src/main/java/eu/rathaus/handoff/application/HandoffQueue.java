package eu.rathaus.handoff.application;

import eu.rathaus.applications.application.ApplicationSubmitted;
import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.applications.domain.CaseStates;
import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.catalogue.application.PublishedService;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.handoff.domain.Destination;
import eu.rathaus.handoff.domain.HandedOff;
import eu.rathaus.handoff.domain.HandoffRepository;
import eu.rathaus.handoff.domain.SubmissionDocument;
import eu.rathaus.handoff.domain.SubmissionEnvelope;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import eu.rathaus.webhooks.application.WebhookEvents;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands a submission to its service's specialist procedure, inside the submission's transaction
 * (observed synchronously after the case and the payment request): if the service has an active
 * destination, the submission document is built — metadata, answers, every attachment with its
 * SHA-256 — sealed as JWE for the destination's public key and stored as a PENDING row of {@code
 * handoff_submission}, the destination's outbox. Either the application and its sealed hand-off
 * commit together or neither does; the plaintext is never stored, and from then on only the
 * destination can read it. The destination pulls it through the Subscriber API whenever it runs —
 * if it is down for a while, the row simply waits.
 */
@ApplicationScoped
public class HandoffQueue {

  /** After the payment request, so the document can state the payment. */
  public static final int PRIORITY = ApplicationSubmitted.PAYMENT + 100;

  @Inject HandoffRepository repository;
  @Inject ServiceCatalogue catalogue;
  @Inject AttachmentService attachments;
  @Inject MunicipalityRepository municipalities;
  @Inject CaseStates caseStates;
  @Inject AuditLog audit;
  @Inject WebhookEvents webhooks;

  Clock clock = Clock.systemUTC();

  void onSubmission(@Observes @Priority(PRIORITY) ApplicationSubmitted submitted) {
    CaseApplication application = submitted.application();
    Optional<Destination> destination =
        repository
            .destinationOf(application.municipalityId(), application.definitionId())
            .filter(Destination::active);
    if (destination.isEmpty()) {
      return; // the back office in Rathaus (the default)
    }
    PublishedService service =
        catalogue
            .publishedVersion(application.municipalityId(), application.versionId())
            .orElseThrow(() -> new IllegalStateException("Submitted version not published"));
    Municipality municipality = municipalities.findById(application.municipalityId()).orElseThrow();
    Map<String, String> fimIds = new LinkedHashMap<>();
    for (FieldDefinition field : service.form().fields()) {
      if (field.fimId() != null && !field.fimId().isBlank()) {
        fimIds.put(field.key(), field.fimId());
      }
    }
    List<SubmissionDocument.File> files = new ArrayList<>();
    for (AttachmentSummary summary : attachments.ofApplication(application.id())) {
      AttachmentDownload bytes =
          attachments
              .download(summary.id())
              .orElseThrow(() -> new IllegalStateException("Attachment " + summary.id()));
      files.add(
          new SubmissionDocument.File(
              summary.id(),
              summary.displayName(),
              summary.contentType(),
              summary.sha256(),
              bytes.content()));
    }
    UUID id = UUID.randomUUID();
    SubmissionDocument document =
        new SubmissionDocument(
            id,
            service.serviceKey(),
            service.title().de(),
            fimIds,
            application.referenceNumber().format(),
            municipality.slug(),
            municipality.name(),
            municipality.ags(),
            application.submittedAt(),
            application.language(),
            submitted.feeCents() > 0 ? "open" : "none",
            submitted.feeCents(),
            application.answersJson(),
            files);
    String sealed =
        SubmissionEnvelope.seal(document.toJson(), destination.get().keys().encryption());
    UUID caseId = caseStates.ofApplication(application.id(), clock.instant()).caseId();
    repository.addSubmission(
        new HandedOff(
            id,
            application.municipalityId(),
            destination.get().id(),
            application.id(),
            caseId,
            application.referenceNumber().format(),
            service.serviceKey(),
            HandedOff.Status.PENDING,
            clock.instant(),
            0,
            null,
            null),
        sealed);
    // Push (V59): if the destination wants its submissions posted, the same sealed text goes into
    // the webhook outbox in this transaction; the pull through the Subscriber API stays as it is.
    Map<String, Object> push = new LinkedHashMap<>();
    push.put("submissionId", id.toString());
    push.put("destinationId", destination.get().id().toString());
    push.put("referenceNumber", application.referenceNumber().format());
    push.put("serviceKey", service.serviceKey());
    push.put("content", sealed);
    webhooks.push(application.municipalityId(), destination.get().id(), push);
    audit.record(
        new AuditEvent(
            submitted.applicantSubject(),
            "handoff.queued",
            "handoff_submission",
            id.toString(),
            application.municipalityId(),
            application.referenceNumber().format() + " -> " + destination.get().id()));
  }
}
