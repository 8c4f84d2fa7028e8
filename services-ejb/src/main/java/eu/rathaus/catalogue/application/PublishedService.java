package eu.rathaus.catalogue.application;

import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.LocalizedText;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * What a citizen-facing page needs of a service's current version; no entity leaves the service.
 */
public record PublishedService(
    UUID definitionId,
    UUID versionId,
    int versionNumber,
    String serviceKey,
    String category,
    LocalizedText title,
    LocalizedText description,
    FormDefinition form,
    Instant publishedAt)
    implements Serializable {}
