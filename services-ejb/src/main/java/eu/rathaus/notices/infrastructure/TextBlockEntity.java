package eu.rathaus.notices.infrastructure;

import eu.rathaus.notices.domain.TextBlock;
import eu.rathaus.notices.domain.TextBlockKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code decision_text_block}. Its municipality never changes; deactivation replaces
 * deletion.
 */
@Entity
@Table(name = "decision_text_block")
public class TextBlockEntity {

  @Id private UUID id;

  @Column(name = "municipality_id", nullable = false, updatable = false)
  private UUID municipalityId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TextBlockKind kind;

  @Column(nullable = false, length = 120)
  private String title;

  @Column(nullable = false, length = 4000)
  private String body;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TextBlockEntity() {}

  public TextBlockEntity(
      UUID id,
      UUID municipalityId,
      TextBlockKind kind,
      String title,
      String body,
      int sortOrder,
      Instant now) {
    this.id = id;
    this.municipalityId = municipalityId;
    this.kind = kind;
    this.title = title;
    this.body = body;
    this.active = true;
    this.sortOrder = sortOrder;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void change(TextBlockKind kind, String title, String body, int sortOrder, Instant now) {
    this.kind = kind;
    this.title = title;
    this.body = body;
    this.sortOrder = sortOrder;
    this.updatedAt = now;
  }

  public void activate(boolean active, Instant now) {
    this.active = active;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public TextBlock toView() {
    return new TextBlock(id, kind, title, body, active, sortOrder);
  }
}
