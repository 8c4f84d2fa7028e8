package eu.rathaus.web.admin;

import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.MunicipalityAdministration;
import eu.rathaus.tenancy.application.MunicipalityOnboarding;
import eu.rathaus.tenancy.application.OnboardingOutcome;
import eu.rathaus.tenancy.application.OnboardingRequest;
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

  private String name;
  private String ags;
  private String state;
  private String slug;
  private String emailDomain;
  private String idpDiscoveryUrl;
  private String adminEmail;
  private String adminFirstName;
  private String adminLastName;
  private String idpClientId;
  private String idpClientSecret;
  private String referenceCode;

  @PostConstruct
  void load() {
    rows = administration.all();
  }

  public void onboard() {
    OnboardingOutcome outcome =
        onboarding.onboard(
            new OnboardingRequest(
                name,
                ags,
                state,
                slug,
                emailDomain,
                idpDiscoveryUrl,
                adminEmail,
                adminFirstName,
                adminLastName,
                idpClientId,
                idpClientSecret,
                referenceCode),
            actor());
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
                FacesMessage.SEVERITY_INFO, text("onboarding.completed", name, adminEmail), null));
        name =
            ags =
                state =
                    slug =
                        emailDomain =
                            idpDiscoveryUrl = adminEmail = adminFirstName = adminLastName = null;
        idpClientId = referenceCode = null;
      }
    }
    // The secret is never rendered back into the page.
    idpClientSecret = null;
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

  /** Optional: blank lets onboarding propose one from the name. */
  public String getReferenceCode() {
    return referenceCode;
  }

  public void setReferenceCode(String referenceCode) {
    this.referenceCode = referenceCode;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAgs() {
    return ags;
  }

  public void setAgs(String ags) {
    this.ags = ags;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getEmailDomain() {
    return emailDomain;
  }

  public void setEmailDomain(String emailDomain) {
    this.emailDomain = emailDomain;
  }

  public String getIdpDiscoveryUrl() {
    return idpDiscoveryUrl;
  }

  public void setIdpDiscoveryUrl(String idpDiscoveryUrl) {
    this.idpDiscoveryUrl = idpDiscoveryUrl;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }

  public String getAdminFirstName() {
    return adminFirstName;
  }

  public void setAdminFirstName(String adminFirstName) {
    this.adminFirstName = adminFirstName;
  }

  public String getIdpClientId() {
    return idpClientId;
  }

  public void setIdpClientId(String idpClientId) {
    this.idpClientId = idpClientId;
  }

  public String getIdpClientSecret() {
    return null;
  }

  public void setIdpClientSecret(String idpClientSecret) {
    this.idpClientSecret = idpClientSecret;
  }

  public String getAdminLastName() {
    return adminLastName;
  }

  public void setAdminLastName(String adminLastName) {
    this.adminLastName = adminLastName;
  }
}
