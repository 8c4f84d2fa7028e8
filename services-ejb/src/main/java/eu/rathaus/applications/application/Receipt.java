package eu.rathaus.applications.application;

import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Money;
import java.time.Instant;

/**
 * Everything a receipt shows, read back from the stored application and the exact version it was
 * submitted against (so labels and steps are what the citizen saw, even after newer versions).
 */
public record Receipt(
    String municipalityName,
    LocalizedText serviceTitle,
    String reference,
    Instant submittedAt,
    FormDefinition form,
    String answersJson,
    Money fee) {}
