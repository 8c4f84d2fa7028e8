package eu.rathaus.notices.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A text block as the clerk's decision form and the admin's list show it. A class with bean getters
 * rather than a record, because Jakarta EL 5 (Faces 4.0) does not read record components.
 */
public final class TextBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  private final UUID id;
  private final TextBlockKind kind;
  private final String title;
  private final String body;
  private final boolean active;
  private final int order;

  public TextBlock(
      UUID id, TextBlockKind kind, String title, String body, boolean active, int order) {
    this.id = Objects.requireNonNull(id);
    this.kind = Objects.requireNonNull(kind);
    this.title = Objects.requireNonNull(title);
    this.body = Objects.requireNonNull(body);
    this.active = active;
    this.order = order;
  }

  public UUID getId() {
    return id;
  }

  public TextBlockKind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public boolean isActive() {
    return active;
  }

  public int getOrder() {
    return order;
  }
}
