package eu.rathaus.messaging.application;

import java.util.UUID;

/**
 * Fired synchronously inside the transaction in which a citizen's message to her municipality is
 * stored (a new thread or a reply); carries ids only, never the text.
 *
 * @param caseId the case of the thread, null for a general thread
 */
public record CitizenWrote(UUID municipalityId, UUID threadId, UUID messageId, UUID caseId) {}
