package eu.rathaus.web.municipal;

import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.MunicipalityReadiness;
import eu.rathaus.tenancy.application.MunicipalitySettings;
import eu.rathaus.tenancy.application.SettingsForm;
import eu.rathaus.tenancy.domain.ReadinessItem;
import eu.rathaus.web.session.SessionUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of {@code municipal/settings.xhtml} ("Einstellungen"): the municipality's reference
 * code, payee account, letterhead, data protection officer and opening hours, with the readiness
 * list above. Plain posts; {@link MunicipalitySettings} checks everything and stores nothing while
 * a problem remains.
 */
@Named
@ViewScoped
public class SettingsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "settings:";

  @Inject MunicipalitySettings settings;
  @Inject MunicipalityReadiness readiness;
  @Inject SessionUser sessionUser;

  private SettingsForm form;
  private List<ReadinessItem> missing;

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

  public SettingsForm getForm() {
    return form;
  }

  public List<ReadinessItem> getMissing() {
    return missing;
  }
}
