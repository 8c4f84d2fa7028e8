package eu.rathaus.web.office;

import eu.rathaus.retention.application.ErasureRequests;
import eu.rathaus.retention.application.LegalHolds;
import eu.rathaus.retention.application.PlannedErasure;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The retention part of {@code office/case.xhtml} (issue 15): the legal hold a clerk sets with a
 * reason and lifts, and on an erasure request (Art. 17) the button that runs the approved request
 * through the erasure engine and lists what was erased and what is kept, with why.
 */
@Named
@ViewScoped
public class CaseRetentionView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject LegalHolds holds;
  @Inject ErasureRequests erasureRequests;

  private UUID caseId;
  private String hold;
  private String reason;
  private boolean erasureRequest;
  private List<PlannedErasure> outcome;

  @PostConstruct
  void load() {
    try {
      caseId =
          UUID.fromString(
              FacesContext.getCurrentInstance()
                  .getExternalContext()
                  .getRequestParameterMap()
                  .getOrDefault("id", ""));
    } catch (IllegalArgumentException e) {
      caseId = null;
      return;
    }
    refresh();
  }

  private void refresh() {
    try {
      hold = holds.of(caseId).orElse(null);
      erasureRequest = erasureRequests.isErasureRequest(caseId);
    } catch (SecurityException e) {
      caseId = null;
    }
  }

  public void setHold() {
    if (caseId == null) {
      return;
    }
    if (!holds.set(caseId, reason)) {
      OfficeTexts.error(OfficeTexts.text("office.case.hold.reasonRequired"));
      return;
    }
    reason = null;
    refresh();
  }

  public void liftHold() {
    if (caseId != null && holds.lift(caseId)) {
      refresh();
    }
  }

  public void executeErasure() {
    if (caseId == null) {
      return;
    }
    try {
      outcome = erasureRequests.execute(caseId);
    } catch (NoSuchElementException e) {
      OfficeTexts.error(OfficeTexts.text("office.case.erasure.notARequest"));
    }
    refresh();
  }

  public String date(java.time.LocalDate day) {
    return day == null
        ? ""
        : day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
  }

  public boolean isAvailable() {
    return caseId != null;
  }

  public String getHold() {
    return hold;
  }

  public boolean isErasureRequest() {
    return erasureRequest;
  }

  public List<PlannedErasure> getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
