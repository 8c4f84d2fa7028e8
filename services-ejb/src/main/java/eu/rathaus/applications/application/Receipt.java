package eu.rathaus.applications.application;

import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a receipt shows, read back from the stored application and the exact version it was
 * submitted against (so labels and steps are what the citizen saw, even after newer versions), and
 * the files linked to it with their SHA-256, so the citizen can prove what they handed in.
 */
public record Receipt(
    String municipalityName,
    LocalizedText serviceTitle,
    String reference,
    Instant submittedAt,
    FormDefinition form,
    String answersJson,
    Money fee,
    List<AttachmentSummary> attachments,
    UUID applicationId) {

  /** Without the application id (receipts rendered without payment data). */
  public Receipt(
      String municipalityName,
      LocalizedText serviceTitle,
      String reference,
      Instant submittedAt,
      FormDefinition form,
      String answersJson,
      Money fee,
      List<AttachmentSummary> attachments) {
    this(
        municipalityName,
        serviceTitle,
        reference,
        submittedAt,
        form,
        answersJson,
        fee,
        attachments,
        null);
  }
}
