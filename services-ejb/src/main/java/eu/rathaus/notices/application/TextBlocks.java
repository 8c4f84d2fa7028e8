package eu.rathaus.notices.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.notices.domain.TextBlock;
import eu.rathaus.notices.domain.TextBlockKind;
import eu.rathaus.notices.infrastructure.TextBlockEntity;
import eu.rathaus.tenancy.application.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipality's text blocks for decisions: the clerk picks reasons from them, the admin
 * maintains them ({@code /municipal/text-blocks.xhtml}), and every notice prints the active legal
 * remedy block.
 *
 * <p>The municipality always comes from the caller's staff scope, never from a parameter, and every
 * query names it; row-level security (V11) checks the same again. A block of another municipality
 * is simply not found. Blocks are never deleted, only deactivated, so the admin's list shows what
 * earlier notices were built from. Roles are not checked here: {@code web.xml} limits the admin
 * page to {@code municipal-admin}; clerks share the staff scope and need the blocks for their
 * decisions.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class TextBlocks {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /** Active reasons that fit the decision, in the admin's order, for the clerk's decision form. */
  public List<TextBlock> forDecision(boolean approved) {
    return active(TextBlockKind.reasonsFor(approved));
  }

  /** Active blocks of one kind, in order. */
  public List<TextBlock> active(TextBlockKind kind) {
    return em.createQuery(
            "select b from TextBlockEntity b where b.municipalityId = :m and b.kind = :k and b.active = true"
                + " order by b.sortOrder, b.title",
            TextBlockEntity.class)
        .setParameter("m", municipality())
        .setParameter("k", kind)
        .getResultStream()
        .map(TextBlockEntity::toView)
        .toList();
  }

  /**
   * All blocks of the municipality, active and inactive, for the admin's list: grouped by kind in
   * the order of a notice (approval reasons, rejection reasons, legal remedy), active ones first.
   */
  public List<TextBlock> all() {
    return em.createQuery(
            "select b from TextBlockEntity b where b.municipalityId = :m"
                + " order by b.active desc, b.sortOrder, b.title",
            TextBlockEntity.class)
        .setParameter("m", municipality())
        .getResultStream()
        .map(TextBlockEntity::toView)
        .sorted(Comparator.comparing(TextBlock::getKind))
        .toList();
  }

  public Optional<TextBlock> find(UUID id) {
    return entity(id).map(TextBlockEntity::toView);
  }

  public TextBlockOutcome create(TextBlockInput input) {
    UUID municipality = municipality();
    List<FieldProblem> problems = input.problems();
    if (!problems.isEmpty()) {
      return TextBlockOutcome.refused(problems);
    }
    TextBlockInput n = input.normalised();
    UUID id = UUID.randomUUID();
    em.persist(
        new TextBlockEntity(
            id, municipality, n.kind(), n.title(), n.body(), n.order(), clock.instant()));
    em.flush();
    audit.record(
        new AuditEvent(
            actor(),
            "textblock.created",
            "decision_text_block",
            id.toString(),
            municipality,
            "kind=" + n.kind()));
    return TextBlockOutcome.saved(id);
  }

  /**
   * Changes a block of the caller's municipality; a foreign or unknown id is {@link
   * NoSuchElementException}.
   */
  public TextBlockOutcome update(UUID id, TextBlockInput input) {
    TextBlockEntity entity =
        entity(id).orElseThrow(() -> new NoSuchElementException("No such text block"));
    List<FieldProblem> problems = input.problems();
    if (!problems.isEmpty()) {
      return TextBlockOutcome.refused(problems);
    }
    TextBlockInput n = input.normalised();
    entity.change(n.kind(), n.title(), n.body(), n.order(), clock.instant());
    em.flush();
    audit.record(
        new AuditEvent(
            actor(),
            "textblock.updated",
            "decision_text_block",
            id.toString(),
            entity.municipalityId(),
            "kind=" + n.kind()));
    return TextBlockOutcome.saved(id);
  }

  /**
   * Deactivates (or re-activates) a block; a foreign or unknown id is {@link
   * NoSuchElementException}.
   */
  public void setActive(UUID id, boolean active) {
    TextBlockEntity entity =
        entity(id).orElseThrow(() -> new NoSuchElementException("No such text block"));
    entity.activate(active, clock.instant());
    em.flush();
    audit.record(
        new AuditEvent(
            actor(),
            active ? "textblock.activated" : "textblock.deactivated",
            "decision_text_block",
            id.toString(),
            entity.municipalityId(),
            null));
  }

  private Optional<TextBlockEntity> entity(UUID id) {
    if (id == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select b from TextBlockEntity b where b.id = :id and b.municipalityId = :m",
            TextBlockEntity.class)
        .setParameter("id", id)
        .setParameter("m", municipality())
        .getResultStream()
        .findFirst();
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Text blocks are for staff of a municipality");
    }
    return scope.municipalityId();
  }

  private String actor() {
    return caller.get().subject() == null ? "anonymous" : caller.get().subject();
  }
}
