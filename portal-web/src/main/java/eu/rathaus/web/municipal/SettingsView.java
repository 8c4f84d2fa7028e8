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
import jakarta.persistence.PersistenceException;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of {@code municipal/settings.xhtml} ("Einstellungen"): the municipality's reference
 * code, payee account, letterhead, data protection officer and opening hours, with the readiness
 * list above. Plain posts; {@link MunicipalitySettings} checks everything and stores nothing while a
 * problem remains.
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
    List<FieldProblem> problems;
    try {
      problems = settings.save(form, sessionUser.getUser().subject());
    } catch (RuntimeException e) {
      if (!conflict(e)) {
        throw e;
      }
      // Someone took the code, or the first application arrived, between the check and the write:
      // the database refused it and nothing was stored.
      ProblemTexts.error(null, ProblemTexts.text("settings.conflict"));
      load();
      return null;
    }
    if (!problems.isEmpty()) {
      for (FieldProblem p : problems) {
        ProblemTexts.error(FORM + p.field(), ProblemTexts.text(p.messageKey(), p.arguments().toArray()));
      }
      ProblemTexts.error(null, ProblemTexts.text("settings.invalid"));
      return null;
    }
    load();
    ProblemTexts.info(ProblemTexts.text(missing.isEmpty() ? "settings.saved.ready" : "settings.saved"));
    return null;
  }

  private static boolean conflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PersistenceException) {
        return true;
      }
    }
    return false;
  }

  public SettingsForm getForm() {
    return form;
  }

  public List<ReadinessItem> getMissing() {
    return missing;
  }
}
