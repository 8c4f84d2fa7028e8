package eu.rathaus.web.treasury;

import eu.rathaus.payments.application.Treasury;
import eu.rathaus.web.treasury.TreasuryLines.ClarificationLine;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The clarification panel of {@code municipal/payments.xhtml}: bank entries the import could not
 * book, each resolved with a note typed next to it.
 */
@Named
@ViewScoped
public class ClarificationsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Treasury treasury;
  @Inject Event<TreasuryChanged> changed;

  private final Map<String, String> notes = new HashMap<>();
  // Read when first shown and after every change of the page; null = to be read.
  private List<ClarificationLine> clarifications;

  void changed(@Observes(notifyObserver = Reception.IF_EXISTS) TreasuryChanged event) {
    clarifications = null;
  }

  /** Resolves one clarification with the note typed next to it. */
  public String resolve(String clarificationId) {
    String note = notes.get(clarificationId);
    if (note == null || note.isBlank()) {
      TreasuryTexts.error(null, TreasuryTexts.text("treasury.clarification.noteRequired"));
      return null;
    }
    try {
      treasury.resolve(UUID.fromString(clarificationId), note);
      notes.remove(clarificationId);
      TreasuryTexts.info(TreasuryTexts.text("treasury.clarification.resolved"));
    } catch (IllegalStateException | NoSuchElementException e) {
      TreasuryTexts.error(null, TreasuryTexts.text("treasury.clarification.gone"));
    }
    changed.fire(new TreasuryChanged());
    return null;
  }

  public List<ClarificationLine> getClarifications() {
    if (clarifications == null) {
      clarifications = treasury.clarifications().stream().map(ClarificationLine::new).toList();
    }
    return clarifications;
  }

  public Map<String, String> getNotes() {
    return notes;
  }
}
