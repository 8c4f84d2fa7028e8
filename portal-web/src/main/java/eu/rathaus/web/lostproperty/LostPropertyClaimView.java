package eu.rathaus.web.lostproperty;

import eu.rathaus.registers.lostproperty.application.ClaimProofs;
import eu.rathaus.registers.lostproperty.application.LostPropertyClaims;
import eu.rathaus.registers.lostproperty.domain.Claim;
import eu.rathaus.web.catalogue.NotFound;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Backing bean of {@code citizen/lost-property-claim.xhtml?case=…}: the owner's side of a confirmed
 * match — the item, her proof (given once, with a file if she likes: {@link ClaimProofs}), the fee
 * with the way to pay it, the handover appointment the office recorded. Anything but her own claim
 * is 404.
 */
@Named
@ViewScoped
public class LostPropertyClaimView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject LostPropertyClaims claims;
  @Inject ClaimProofs proofs;
  @Inject LocaleSelection locale;

  private String caseId;
  private Claim claim;
  private String proof;
  private String proofProblem;
  private transient Part proofFile;
  private String fileProblem;
  private String notice;

  /** View action. */
  public void load() {
    Optional<Claim> found = Ids.parse(caseId).flatMap(claims::mine);
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    claim = found.get();
  }

  public void giveProof() {
    proofProblem = null;
    fileProblem = null;
    notice = null;
    Optional<UUID> id = Ids.parse(caseId);
    ClaimProofs.Result result;
    if (id.isEmpty()) {
      result = new ClaimProofs.Result(LostPropertyClaims.ProofOutcome.NOT_OPEN, null);
    } else if (proofFile == null || proofFile.getSize() <= 0) {
      result = proofs.give(id.get(), proof, null, null);
    } else {
      try (InputStream in = proofFile.getInputStream()) {
        result = proofs.give(id.get(), proof, proofFile.getSubmittedFileName(), in);
      } catch (IOException e) {
        result =
            new ClaimProofs.Result(
                LostPropertyClaims.ProofOutcome.FILE_REFUSED,
                eu.rathaus.tenancy.application.FieldProblem.of(
                    ClaimProofs.FIELD, "lostproperty.claim.file.unreadable"));
      }
    }
    switch (result.outcome()) {
      case SAVED -> notice = "lostproperty.claim.proof.saved";
      case INVALID -> proofProblem = "lostproperty.claim.proof.invalid";
      case NOT_OPEN -> notice = "lostproperty.claim.proof.closed";
      case FILE_REFUSED -> {
        ResourceBundle bundle =
            ResourceBundle.getBundle(
                eu.rathaus.web.catalogue.CatalogueTexts.BUNDLE, locale.getLocale());
        fileProblem =
            MessageFormat.format(
                bundle.getString(result.fileProblem().messageKey()),
                result.fileProblem().arguments().toArray());
      }
    }
    id.flatMap(claims::mine).ifPresent(c -> claim = c);
  }

  public String getFee() {
    return String.format(locale.getLocale(), "%.2f €", claim.feeCents() / 100.0);
  }

  public String getHandoverAt() {
    return claim.handoverAt() == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale.getLocale())
            .withZone(eu.rathaus.registers.lostproperty.application.LostPropertyOffice.ZONE)
            .format(claim.handoverAt());
  }

  public Claim getClaim() {
    return claim;
  }

  public String getCaseId() {
    return caseId;
  }

  public void setCaseId(String caseId) {
    this.caseId = caseId;
  }

  public String getProof() {
    return proof;
  }

  public void setProof(String proof) {
    this.proof = proof;
  }

  public String getProofProblem() {
    return proofProblem;
  }

  public Part getProofFile() {
    return proofFile;
  }

  public void setProofFile(Part proofFile) {
    this.proofFile = proofFile;
  }

  /** Why the file was refused, in the page's language; null if it was not. */
  public String getFileProblem() {
    return fileProblem;
  }

  public String getNotice() {
    return notice;
  }
}
