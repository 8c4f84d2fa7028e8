package eu.rathaus.web.municipal;

import eu.rathaus.notices.application.TextBlockInput;
import eu.rathaus.notices.application.TextBlockOutcome;
import eu.rathaus.notices.application.TextBlocks;
import eu.rathaus.notices.domain.TextBlock;
import eu.rathaus.notices.domain.TextBlockKind;
import eu.rathaus.tenancy.application.FieldProblem;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Backing bean of {@code municipal/text-blocks.xhtml} ("Textbausteine"): the municipality's text
 * blocks, one form to add or edit a block, deactivating and re-activating. Plain posts, no
 * JavaScript. The input is checked by {@link TextBlocks} (one set of rules for every caller); its
 * problems are shown at their fields, and nothing is stored while any remains.
 */
@Named
@ViewScoped
public class TextBlocksView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "block:";

  @Inject TextBlocks textBlocks;

  private List<TextBlock> rows;
  private String editingId;
  private String kind;
  private String title;
  private String body;
  private String order;

  @PostConstruct
  void load() {
    rows = textBlocks.all();
  }

  public String save() {
    Integer position = parseOrder();
    TextBlockKind chosen = parseKind();
    TextBlockInput input =
        new TextBlockInput(chosen, title, body, position == null ? -1 : position);
    TextBlockOutcome outcome;
    try {
      outcome =
          editingId == null
              ? textBlocks.create(input)
              : textBlocks.update(UUID.fromString(editingId), input);
    } catch (NoSuchElementException | IllegalArgumentException e) {
      ProblemTexts.error(null, ProblemTexts.text("textblocks.notFound"));
      clear();
      load();
      return null;
    }
    if (!outcome.isSaved()) {
      for (FieldProblem p : outcome.problems()) {
        ProblemTexts.error(
            FORM + p.field(), ProblemTexts.text(p.messageKey(), p.arguments().toArray()));
      }
      return null;
    }
    ProblemTexts.info(ProblemTexts.text("textblocks.saved", input.normalised().title()));
    clear();
    load();
    return null;
  }

  /** Loads a block into the form. */
  public void edit(String id) {
    Optional<TextBlock> found = parse(id).flatMap(textBlocks::find);
    if (found.isEmpty()) {
      ProblemTexts.error(null, ProblemTexts.text("textblocks.notFound"));
      return;
    }
    TextBlock block = found.get();
    editingId = block.getId().toString();
    kind = block.getKind().name();
    title = block.getTitle();
    body = block.getBody();
    order = Integer.toString(block.getOrder());
  }

  public void cancel() {
    clear();
  }

  public void deactivate(String id) {
    activate(id, false);
  }

  public void reactivate(String id) {
    activate(id, true);
  }

  private void activate(String id, boolean active) {
    Optional<TextBlock> found = parse(id).flatMap(textBlocks::find);
    if (found.isEmpty()) {
      ProblemTexts.error(null, ProblemTexts.text("textblocks.notFound"));
      return;
    }
    textBlocks.setActive(found.get().getId(), active);
    ProblemTexts.info(
        ProblemTexts.text(
            active ? "textblocks.activated" : "textblocks.deactivated", found.get().getTitle()));
    load();
  }

  private Integer parseOrder() {
    if (order == null || order.isBlank()) {
      return 0;
    }
    try {
      return Integer.valueOf(order.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private TextBlockKind parseKind() {
    return Arrays.stream(TextBlockKind.values())
        .filter(k -> k.name().equals(kind))
        .findFirst()
        .orElse(null);
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private void clear() {
    editingId = null;
    kind = null;
    title = null;
    body = null;
    order = null;
  }

  public List<TextBlock> getRows() {
    return rows;
  }

  public List<String> getKinds() {
    return Arrays.stream(TextBlockKind.values()).map(Enum::name).toList();
  }

  public boolean isEditing() {
    return editingId != null;
  }

  public String getEditingId() {
    return editingId;
  }

  public void setEditingId(String editingId) {
    this.editingId = editingId == null || editingId.isBlank() ? null : editingId;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }
}
