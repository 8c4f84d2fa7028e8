package eu.rathaus.notices.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a notice needs to know of the decided case, copied out by the case work: notices read no
 * other capability's tables.
 *
 * @param answersJson the application's answers as submitted (the applicant's name and address)
 * @param serviceTitle the service's German title, blank if it is gone
 */
public record NoticeCase(
    UUID caseId,
    String applicantSubject,
    String referenceNumber,
    String serviceTitle,
    String answersJson,
    Instant submittedAt,
    String language) {}
