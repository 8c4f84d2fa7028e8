package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.registers.lostproperty.domain.Claim;
import eu.rathaus.registers.lostproperty.infrastructure.LostPropertySql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's claim after a clerk confirmed her loss report ({@link LostPropertyOffice#confirm}):
 * she reads it and gives her proof (what only the owner knows, with a file if she likes: {@link
 * ClaimProofs}); the clerk sees open claims, records the handover appointment (the owner is told in
 * her mailbox) and hands the item over once the proof is given and the fee, if the municipality
 * charges one, is paid. Every step is audited. The owner's scope reaches her own claims only (V64);
 * staff their municipality's.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class LostPropertyClaims {

  static final int LIMIT = 100;

  /** How giving the proof ended. */
  public enum ProofOutcome {
    SAVED,
    /** Too short or too long. */
    INVALID,
    /** No claim of hers, or its item is no longer CLAIMED. */
    NOT_OPEN,
    /** The file was refused ({@link ClaimProofs.Result#fileProblem()} says why). */
    FILE_REFUSED
  }

  @Inject LostPropertySql sql;
  @Inject CallerScope caller;
  @Inject AuditLog audit;
  @Inject Mailbox mailbox;
  @Inject AttachmentService attachments;
  @Resource TransactionSynchronizationRegistry transactions;

  Clock clock = Clock.systemUTC();

  /** The signed-in citizen's claim of her loss report {@code caseId}. */
  public Optional<Claim> mine(UUID caseId) {
    citizen();
    return caseId == null ? Optional.empty() : sql.claimOfCase(caseId);
  }

  public ProofOutcome giveProof(UUID caseId, String proof) {
    return giveProof(caseId, proof, null).outcome();
  }

  /**
   * The owner's proof with a file that passed the attachment pipeline ({@link ClaimProofs}), or
   * none ({@code file} null): the text, the file (hers, part of her loss report's application) and
   * the claim's link to it in one transaction, audited.
   */
  public ClaimProofs.Result giveProof(
      UUID caseId, String proof, AttachmentService.CheckedFile file) {
    TenantScope scope = citizen();
    if (!Claim.proofFits(proof)) {
      return ClaimProofs.Result.of(ProofOutcome.INVALID);
    }
    String text = proof.strip();
    Optional<Claim> claim = caseId == null ? Optional.empty() : sql.claimOfCase(caseId);
    if (claim.isEmpty()
        || (file != null && !claim.get().municipalityId().equals(file.municipalityId()))
        || !sql.saveProof(caseId, text, clock.instant())) {
      return ClaimProofs.Result.of(ProofOutcome.NOT_OPEN);
    }
    String detail = "case " + caseId;
    if (file != null) {
      UploadOutcome stored = attachments.storeForOwnApplication(file, claim.get().applicationId());
      if (!stored.isStored()) {
        transactions.setRollbackOnly();
        return ClaimProofs.Result.fileRefused(
            stored.getProblem().messageKey(), stored.getProblem().arguments());
      }
      UUID fileId = stored.getStored().getId();
      sql.saveProofFile(caseId, fileId);
      detail += " file " + fileId;
    }
    audit.record(
        new AuditEvent(
            scope.subject(),
            "lostproperty.claim.proof",
            "found_item",
            claim.get().itemId().toString(),
            claim.get().municipalityId(),
            detail));
    return ClaimProofs.Result.of(ProofOutcome.SAVED);
  }

  /** The municipality's claims whose item is still to be handed over. */
  public List<Claim> open() {
    return sql.openClaims(staff().municipalityId(), LIMIT);
  }

  /**
   * Records the handover appointment of a claimed item and tells the owner in the case's mailbox
   * thread ({@code message}, in the clerk's words); false if the item is not CLAIMED.
   */
  public boolean scheduleHandover(UUID item, Instant at, String place, String message) {
    TenantScope scope = staff();
    String where = place == null ? null : place.strip();
    if (item == null
        || at == null
        || where == null
        || where.isEmpty()
        || where.length() > 200
        || !sql.scheduleHandover(scope.municipalityId(), item, at, where)) {
      return false;
    }
    Claim claim = sql.claimOfItem(scope.municipalityId(), item).orElseThrow();
    mailbox.postToApplicant(claim.caseId(), message, List.of());
    audit.record(
        new AuditEvent(
            scope.subject(),
            "lostproperty.claim.appointment",
            "found_item",
            item.toString(),
            scope.municipalityId(),
            "at " + at));
    return true;
  }

  private TenantScope citizen() {
    return Callers.citizen(caller, "a claim is given by the signed-in owner");
  }

  private TenantScope staff() {
    return Callers.staff(caller, "claims are handled by a municipality's staff");
  }
}
