package eu.rathaus.web.admin;

import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.MunicipalityAdministration;
import eu.rathaus.tenancy.application.MunicipalityOnboarding;
import eu.rathaus.tenancy.application.OnboardingForm;
import eu.rathaus.tenancy.application.OnboardingOutcome;
import eu.rathaus.tenancy.domain.GermanState;
import eu.rathaus.web.session.SessionUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Backing bean of {@code admin/municipalities.xhtml}: the platform admin's list of municipalities,
 * onboarding a new one, suspending and re-activating.
 */
@Named
@ViewScoped
public class MunicipalitiesAdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MunicipalityOnboarding onboarding;
  @Inject MunicipalityAdministration administration;
  @Inject SessionUser sessionUser;

  private List<MunicipalityAdministration.Row> rows;

  private OnboardingForm form = new OnboardingForm();

  @PostConstruct
  void load() {
    rows = administration.all();
  }

  public void onboard() {
    OnboardingOutcome outcome = onboarding.onboard(form.toRequest(), actor());
    FacesContext faces = FacesContext.getCurrentInstance();
    switch (outcome.result()) {
      case INVALID -> {
        for (FieldProblem problem : outcome.problems()) {
          faces.addMessage(
              "onboarding:" + problem.field(),
              error(text(problem.messageKey(), problem.arguments().toArray())));
        }
        faces.addMessage(null, error(text("onboarding.invalid")));
      }
      case RETRY -> faces.addMessage(null, error(text("onboarding.retry")));
      case COMPLETED -> {
        faces.addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_INFO,
                text("onboarding.completed", form.getName(), form.getAdminEmail()),
                null));
        form = new OnboardingForm();
      }
    }
    // The secret is never rendered back into the page.
    form.forgetSecret();
    load();
  }

  public void suspend(String municipality) {
    report(administration.suspend(municipality, actor()), "admin.suspended", municipality);
  }

  public void activate(String municipality) {
    report(administration.activate(municipality, actor()), "admin.activated", municipality);
  }

  private void report(boolean changed, String key, String municipality) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            changed
                ? new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, municipality), null)
                : error(text("admin.unchanged")));
    load();
  }

  private String actor() {
    return sessionUser.isSignedIn() ? sessionUser.getUser().subject() : "unknown";
  }

  private static FacesMessage error(String text) {
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
  }

  private static String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return MessageFormat.format(msg.getString(key), arguments);
  }

  public List<MunicipalityAdministration.Row> getRows() {
    return rows;
  }

  public List<String> getStates() {
    return java.util.Arrays.stream(GermanState.values()).map(GermanState::displayName).toList();
  }

  /** The onboarding form's fields. */
  public OnboardingForm getForm() {
    return form;
  }
}
