package eu.rathaus.web.office;

import eu.rathaus.notices.application.TextBlocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * The text blocks a clerk can put into a decision's reasons, as the municipal admin maintains them
 * ("Textbausteine"): the active approval or rejection reasons of the clerk's municipality. With
 * none, the case page shows no select.
 */
@ApplicationScoped
public class TextBlockOptions {

  @Inject TextBlocks textBlocks;

  /** A text block as the decision form offers it. */
  public record Option(String id, String title, String text) implements Serializable {
    public String getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public String getText() {
      return text;
    }
  }

  public List<Option> forDecision(boolean approve) {
    return textBlocks.forDecision(approve).stream()
        .map(b -> new Option(b.getId().toString(), b.getTitle(), b.getBody()))
        .toList();
  }
}
