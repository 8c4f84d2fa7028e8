package eu.rathaus.web.municipal;

import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.LogoCheck;
import eu.rathaus.tenancy.application.MunicipalityReadiness;
import eu.rathaus.tenancy.application.MunicipalitySettings;
import eu.rathaus.tenancy.application.SettingsForm;
import eu.rathaus.tenancy.domain.ReadinessItem;
import eu.rathaus.web.session.SessionUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of {@code municipal/settings.xhtml} ("Einstellungen"): the municipality's reference
 * code, payee account, letterhead (and its logo, a form of its own because it is a multipart
 * upload), data protection officer and opening hours, with the readiness list above. Plain posts;
 * {@link MunicipalitySettings} checks everything and stores nothing while a problem remains.
 */
@Named
@ViewScoped
public class SettingsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "settings:";
  private static final String LOGO_FORM = "logo:";

  @Inject MunicipalitySettings settings;
  @Inject MunicipalityReadiness readiness;
  @Inject SessionUser sessionUser;

  private SettingsForm form;
  private List<ReadinessItem> missing;
  private transient Part logoFile;

  @PostConstruct
  void load() {
    form = settings.current();
    missing = List.copyOf(readiness.ofOwnMunicipality());
  }

  public String save() {
    List<FieldProblem> problems = settings.save(form, sessionUser.getUser().subject());
    if (problems.size() == 1 && MunicipalitySettings.CONFLICT.equals(problems.get(0).field())) {
      ProblemTexts.error(null, ProblemTexts.text(problems.get(0).messageKey()));
      load();
      return null;
    }
    if (!problems.isEmpty()) {
      for (FieldProblem p : problems) {
        ProblemTexts.error(
            FORM + p.field(), ProblemTexts.text(p.messageKey(), p.arguments().toArray()));
      }
      ProblemTexts.error(null, ProblemTexts.text("settings.invalid"));
      return null;
    }
    load();
    ProblemTexts.info(
        ProblemTexts.text(missing.isEmpty() ? "settings.saved.ready" : "settings.saved"));
    return null;
  }

  /** Stores the uploaded logo; reads one byte past the limit so an oversize file is refused. */
  public String uploadLogo() {
    byte[] content = new byte[0];
    if (logoFile != null) {
      try (InputStream in = logoFile.getInputStream()) {
        content = in.readNBytes(LogoCheck.MAX_BYTES + 1);
      } catch (IOException e) {
        content = new byte[0];
      }
    }
    List<FieldProblem> problems = settings.storeLogo(content, sessionUser.getUser().subject());
    if (!problems.isEmpty()) {
      FieldProblem p = problems.get(0);
      ProblemTexts.error(
          LOGO_FORM + "logoFile", ProblemTexts.text(p.messageKey(), p.arguments().toArray()));
      return null;
    }
    load();
    ProblemTexts.info(ProblemTexts.text("settings.logo.saved"));
    return null;
  }

  public String removeLogo() {
    settings.removeLogo(sessionUser.getUser().subject());
    load();
    ProblemTexts.info(ProblemTexts.text("settings.logo.removed"));
    return null;
  }

  public Part getLogoFile() {
    return logoFile;
  }

  public void setLogoFile(Part logoFile) {
    this.logoFile = logoFile;
  }

  public SettingsForm getForm() {
    return form;
  }

  public List<ReadinessItem> getMissing() {
    return missing;
  }
}
