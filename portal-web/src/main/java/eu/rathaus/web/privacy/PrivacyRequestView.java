package eu.rathaus.web.privacy;

import eu.rathaus.catalogue.domain.CatalogueMessages;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.identity.CurrentUser;
import eu.rathaus.privacy.application.PrivacyRequests;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.catalogue.CatalogueTexts;
import eu.rathaus.web.session.LocaleSelection;
import eu.rathaus.web.session.SessionUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The form on "Meine Daten" for a request under Art. 16, 17 or 21 GDPR: the municipality, the
 * right, what it concerns. Filed as a case through {@link PrivacyRequests}; one idempotency key per
 * form, so a double click files one request.
 */
@Named
@ViewScoped
public class PrivacyRequestView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PrivacyRequests requests;
  @Inject SessionUser sessionUser;
  @Inject LocaleSelection localeSelection;

  private final String idempotencyKey = UUID.randomUUID().toString();
  private String municipality;
  private String right;
  private String details;
  private String reference;
  private List<String> problems = List.of();
  private List<MunicipalitySummary> municipalities;

  public List<MunicipalitySummary> getMunicipalities() {
    if (municipalities == null) {
      municipalities = requests.municipalities();
    }
    return municipalities;
  }

  /** "Anfrage stellen". */
  public void submit() {
    var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    municipality = params.get("request-municipality");
    right = params.get("request-right");
    details = params.get("request-details");
    CurrentUser user = sessionUser.getUser();
    PrivacyRequests.Outcome outcome =
        requests.submit(
            municipality,
            right,
            details,
            idempotencyKey,
            user == null ? null : user.email(),
            user == null ? null : user.displayName(),
            localeSelection.getLanguage());
    if (outcome.isSubmitted()) {
      reference = outcome.reference();
      problems = List.of();
    } else {
      problems = outcome.problems().stream().map(this::text).toList();
    }
  }

  private String text(Problem problem) {
    if ("privacy.request.municipality".equals(problem.messageKey())) {
      return new CatalogueTexts(localeSelection.getLocale()).text("privacy.request.municipality");
    }
    String message = CatalogueMessages.format(problem, localeSelection.getLocale());
    return switch (String.valueOf(problem.target())) {
      case "right", "details" ->
          new CatalogueTexts(localeSelection.getLocale())
                  .text("privacy.request." + problem.target())
              + ": "
              + message;
      default -> message;
    };
  }

  public String getMunicipality() {
    return municipality;
  }

  public String getRight() {
    return right;
  }

  public String getDetails() {
    return details;
  }

  public String getReference() {
    return reference;
  }

  public List<String> getProblems() {
    return problems;
  }
}
