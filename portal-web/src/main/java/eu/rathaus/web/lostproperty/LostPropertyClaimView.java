package eu.rathaus.web.lostproperty;

import eu.rathaus.registers.lostproperty.application.LostPropertyClaims;
import eu.rathaus.registers.lostproperty.domain.Claim;
import eu.rathaus.web.catalogue.NotFound;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.UUID;

/**
 * Backing bean of {@code citizen/lost-property-claim.xhtml?case=…}: the owner's side of a confirmed
 * match — the item, her proof (given once), the fee with the way to pay it, the handover
 * appointment the office recorded. Anything but her own claim is 404.
 */
@Named
@ViewScoped
public class LostPropertyClaimView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject LostPropertyClaims claims;
  @Inject LocaleSelection locale;

  private String caseId;
  private Claim claim;
  private String proof;
  private String proofProblem;
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
    notice = null;
    Optional<UUID> id = Ids.parse(caseId);
    LostPropertyClaims.ProofOutcome outcome =
        id.map(c -> claims.giveProof(c, proof)).orElse(LostPropertyClaims.ProofOutcome.NOT_OPEN);
    switch (outcome) {
      case SAVED -> notice = "lostproperty.claim.proof.saved";
      case INVALID -> proofProblem = "lostproperty.claim.proof.invalid";
      case NOT_OPEN -> notice = "lostproperty.claim.proof.closed";
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

  public String getNotice() {
    return notice;
  }
}
