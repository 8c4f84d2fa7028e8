package eu.rathaus.web.office;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.util.List;

/**
 * The text blocks a clerk can put into a decision's reasons. The municipal admin maintains them
 * (issue 5, NOTICES helper); until that lands, there are none and the case page shows no select.
 */
@ApplicationScoped
public class TextBlockOptions {

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
    // INTEGRATION: return TextBlocks#forDecision(approve) (eu.rathaus.notices.application), mapped to Option.
    return List.of();
  }
}
