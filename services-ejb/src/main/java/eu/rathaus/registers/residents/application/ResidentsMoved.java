package eu.rathaus.registers.residents.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Fired synchronously inside the approval's transaction, after the register is written and before
 * the confirmation is posted: an observer's exception rolls back the decision and the register
 * change together (what the atomicity test relies on).
 *
 * @param caseId the decided case
 * @param residents every record moved (the applicant first, then who moved along)
 */
public record ResidentsMoved(
    UUID caseId, UUID municipalityId, List<UUID> residents, LocalDate movingDate) {}
