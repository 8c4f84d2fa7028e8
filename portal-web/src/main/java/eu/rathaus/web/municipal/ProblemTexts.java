package eu.rathaus.web.municipal;

import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.FormDocumentEditor;
import eu.rathaus.catalogue.application.FormDocumentEditor.Edit;
import eu.rathaus.catalogue.domain.CatalogueMessages;
import eu.rathaus.catalogue.domain.Problem;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Turns definition problems into text for administrators. Problems come with message keys from two
 * bundles: the catalogue's own ({@code catalogue.*}, shared with other callers of the validator)
 * and this module's ({@code builder.*}, for checks only the administration pages make). A JSON
 * Schema violation of a key gets a plain explanation of the key rules instead of the schema
 * library's text, because that is the mistake administrators make most and the library's wording
 * shows a regex.
 */
final class ProblemTexts {

  private ProblemTexts() {}

  static String text(Problem problem) {
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale locale = faces.getViewRoot() == null ? Locale.GERMAN : faces.getViewRoot().getLocale();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    if (problem.messageKey().startsWith("builder.")) {
      return MessageFormat.format(msg.getString(problem.messageKey()), problem.args().toArray());
    }
    Optional<FormDocumentEditor.Location> where = FormDocumentEditor.Location.of(problem);
    if (where.isPresent() && where.get().property().equals("key")) {
      return msg.getString("builder.problem.key");
    }
    return CatalogueMessages.format(problem, locale);
  }

  static String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return MessageFormat.format(msg.getString(key), args);
  }

  static void error(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /**
   * Shows why an edit was not stored: the inputs it could not read, or (with {@code outcome}) the
   * validator's problems, each at the input the edit names within form {@code form} if there is
   * one, otherwise at the top of the page.
   */
  static void refused(Edit edit, CatalogueOutcome outcome, String form) {
    if (outcome == null) {
      edit.inputProblems().forEach(p -> error(form + p.target(), text(p)));
      return;
    }
    error(null, text("builder.notSaved"));
    for (Problem p : outcome.problems()) {
      String input = edit.inputFor().apply(p);
      error(input == null ? null : form + input, text(p));
    }
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }
}
