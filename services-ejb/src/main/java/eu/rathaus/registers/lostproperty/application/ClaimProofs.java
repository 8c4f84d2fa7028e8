package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.attachments.domain.StrippedImage;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.registers.lostproperty.domain.Claim;
import eu.rathaus.tenancy.application.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's proof with a file (a photo or PDF of a receipt, a picture of what was inside): the
 * file goes through the attachment pipeline (name, size, type from the bytes, malware scan —
 * outside any transaction), a photo is re-encoded without its metadata ({@link StrippedImage}: the
 * GPS position of her phone is nobody's business), and then the proof, the file (encrypted under
 * the municipality's key, owned by her, part of her loss report's application) and the claim's link
 * to it are written in one transaction ({@link LostPropertyClaims#giveProof(UUID, String,
 * AttachmentService.CheckedFile)}). The file is never public; the municipality's staff read it on
 * the claim, audited.
 */
@ApplicationScoped
public class ClaimProofs {

  /** The file field, for refusals. */
  public static final String FIELD = "proofFile";

  /** PDF, JPEG or PNG, one file of up to 10 MB. */
  public static final AttachmentRules RULES =
      new AttachmentRules(
          1, 10L * 1024 * 1024, List.of("application/pdf", "image/jpeg", "image/png"));

  /** How giving the proof ended; {@code fileProblem} says why the file was refused. */
  public record Result(LostPropertyClaims.ProofOutcome outcome, FieldProblem fileProblem)
      implements Serializable {

    static Result of(LostPropertyClaims.ProofOutcome outcome) {
      return new Result(outcome, null);
    }

    static Result fileRefused(String key, List<Object> arguments) {
      return new Result(
          LostPropertyClaims.ProofOutcome.FILE_REFUSED, new FieldProblem(FIELD, key, arguments));
    }
  }

  @Inject LostPropertyClaims claims;
  @Inject AttachmentService attachments;
  @Inject CallerScope caller;

  /**
   * The signed-in owner's proof of her claim {@code caseId}: the text, and the file {@code
   * fileName} if she chose one ({@code content} null or {@code fileName} blank: none). Nothing is
   * stored while the text or the file is refused.
   */
  public Result give(UUID caseId, String proof, String fileName, InputStream content) {
    Callers.citizen(caller, "a claim is given by the signed-in owner");
    if (content == null || fileName == null || fileName.isBlank()) {
      return Result.of(claims.giveProof(caseId, proof));
    }
    if (!Claim.proofFits(proof)) {
      return Result.of(LostPropertyClaims.ProofOutcome.INVALID);
    }
    Optional<Claim> claim = caseId == null ? Optional.empty() : claims.mine(caseId);
    if (claim.isEmpty() || !claim.get().isOpen()) {
      return Result.of(LostPropertyClaims.ProofOutcome.NOT_OPEN);
    }
    AttachmentService.Checked checked =
        attachments.check(claim.get().municipalityId(), caseId, fileName, content, RULES);
    if (checked.refused() != null) {
      FieldProblem problem = checked.refused().getProblem();
      return Result.fileRefused(problem.messageKey(), problem.arguments());
    }
    AttachmentService.CheckedFile file = checked.file();
    if (file.contentType().startsWith("image/")) {
      Optional<StrippedImage> stripped = StrippedImage.of(file.content(), file.contentType());
      if (stripped.isEmpty()) {
        return Result.fileRefused("lostproperty.claim.file.image", List.of());
      }
      file = file.withContent(stripped.get().content(), stripped.get().contentType());
    }
    return claims.giveProof(caseId, proof, file);
  }
}
