package eu.rathaus.messaging.application;

import java.util.UUID;

/**
 * Fired synchronously inside the transaction in which the applicant posts into a case's thread, so
 * the case can move back to review atomically with the reply (an observer's failure rolls it back).
 */
public record ApplicantReplied(UUID caseId, UUID threadId, UUID messageId) {}
