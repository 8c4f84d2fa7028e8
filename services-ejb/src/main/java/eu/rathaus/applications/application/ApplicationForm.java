package eu.rathaus.applications.application;

import eu.rathaus.catalogue.application.PublishedService;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * What the form renderer needs to show a step: the service's pinned version, the answers so far and
 * the step to continue with. {@code draftId} is null for a form not saved yet (before step 1).
 */
public record ApplicationForm(
    UUID draftId,
    UUID municipalityId,
    String municipalitySlug,
    String municipalityName,
    PublishedService service,
    String answersJson,
    int currentStep,
    Instant updatedAt)
    implements Serializable {}
