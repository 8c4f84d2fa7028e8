package eu.rathaus.webhooks.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.platform.ResidencyPolicy;
import eu.rathaus.platform.RuntimeMode;
import eu.rathaus.platform.Settings;
import eu.rathaus.webhooks.domain.Delivery;
import eu.rathaus.webhooks.domain.Subscription;
import eu.rathaus.webhooks.domain.WebhookEventType;
import eu.rathaus.webhooks.domain.WebhookRepository;
import eu.rathaus.webhooks.domain.WebhookSignature;
import eu.rathaus.webhooks.domain.WebhookUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipal admin's webhooks: subscriptions of the municipality's own systems (URL checked
 * against {@link WebhookUrl}'s rules, at least one event, a new secret shown once), the delivery
 * log and "replay". The municipality is the caller's staff scope, never a parameter; another
 * municipality's subscription or delivery is simply not found. Every change is audited (the URL,
 * never the secret).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class WebhookSubscriptions {

  /** The setting of the rotation's grace period in hours ({@link #DEFAULT_GRACE_HOURS}). */
  public static final String GRACE_HOURS = "RATHAUS_WEBHOOK_SECRET_GRACE_HOURS";

  /**
   * After "new secret" the old one keeps signing for a day: deliveries carry both signatures, so
   * the receiving system can switch to the new secret whenever it likes within that day.
   */
  public static final long DEFAULT_GRACE_HOURS = 24;

  /** The delivery log shows the newest this many. */
  public static final int LOG_LIMIT = 100;

  @Inject CallerScope caller;
  @Inject WebhookRepository repository;
  @Inject AuditLog audit;
  @Inject WebhookSecrets secrets;

  Clock clock = Clock.systemUTC();

  /** A refused input: the field and the message key. */
  public record FieldProblem(String field, String key) implements Serializable {}

  /** The outcome of creating: the problems, or the subscription with its secret (shown once). */
  public record Created(List<FieldProblem> problems, UUID subscriptionId, String secret)
      implements Serializable {
    public boolean isCreated() {
      return problems.isEmpty();
    }

    @Override
    public String toString() {
      return "Created[" + problems + ", " + subscriptionId + "]";
    }
  }

  public List<Subscription> subscriptions() {
    return repository.subscriptions(municipality());
  }

  public Created subscribe(String url, Collection<WebhookEventType> events) {
    UUID m = municipality();
    List<FieldProblem> problems = new ArrayList<>();
    String u = url == null ? "" : url.strip();
    WebhookUrl.problem(u, Settings.value(ResidencyPolicy.KEY), RuntimeMode.current().isDemo())
        .ifPresent(key -> problems.add(new FieldProblem("url", key)));
    if (events == null || events.isEmpty()) {
      problems.add(new FieldProblem("events", "webhooks.events.none"));
    }
    if (!problems.isEmpty()) {
      return new Created(List.copyOf(problems), null, null);
    }
    UUID id = UUID.randomUUID();
    String secret = WebhookSignature.newSecret();
    repository.addSubscription(
        new Subscription(id, m, u, List.copyOf(EnumSet.copyOf(events)), true, clock.instant()),
        secrets.seal(m, id, secret),
        actor());
    audit.record(
        new AuditEvent(
            actor(), "webhooks.subscribed", "webhook_subscription", id.toString(), m, u));
    return new Created(List.of(), id, secret);
  }

  /**
   * Switches on push delivery for a hand-off destination of the caller's municipality: its sealed
   * submissions are also posted to {@code url} (the destination's endpoint), signed with a new
   * secret (shown once; a push channel that existed is replaced). The URL obeys the same rules as a
   * subscription's.
   */
  public Created pushTo(UUID destinationId, String url) {
    UUID m = municipality();
    String u = url == null ? "" : url.strip();
    Optional<String> problem =
        WebhookUrl.problem(u, Settings.value(ResidencyPolicy.KEY), RuntimeMode.current().isDemo());
    if (problem.isPresent()) {
      return new Created(List.of(new FieldProblem("push", problem.get())), null, null);
    }
    repository.stopPush(m, destinationId);
    UUID id = UUID.randomUUID();
    String secret = WebhookSignature.newSecret();
    repository.addPushSubscription(
        new Subscription(id, m, u, List.of(), true, clock.instant()),
        destinationId,
        secrets.seal(m, id, secret),
        actor());
    audit.record(
        new AuditEvent(
            actor(), "webhooks.push-on", "handoff_destination", destinationId.toString(), m, u));
    return new Created(List.of(), id, secret);
  }

  /** Whether the destination of the caller's municipality has push delivery. */
  public boolean pushes(UUID destinationId) {
    return destinationId != null && repository.pushes(municipality(), destinationId);
  }

  /**
   * "Neues Signaturgeheimnis" for the destination's push channel: as {@link #rotateSecret} for a
   * subscription — the new secret (returned, shown once) signs from now on, and for the grace
   * period ({@link #GRACE_HOURS}) every push carries the old secret's signature as well, so the
   * specialist procedure switches without refusing a submission. Problem {@code
   * webhooks.subscriptionNotFound} if the destination of the caller's municipality has no push
   * channel.
   */
  public Created rotatePushSecret(UUID destinationId) {
    UUID m = municipality();
    return (destinationId == null
            ? Optional.<UUID>empty()
            : repository.pushChannel(m, destinationId))
        .map(this::rotateSecret)
        .orElseGet(
            () ->
                new Created(
                    List.of(new FieldProblem("push", "webhooks.subscriptionNotFound")),
                    null,
                    null));
  }

  /** Switches push delivery off; false if it was not on. */
  public boolean stopPush(UUID destinationId) {
    UUID m = municipality();
    if (destinationId == null || !repository.stopPush(m, destinationId)) {
      return false;
    }
    audit.record(
        new AuditEvent(
            actor(),
            "webhooks.push-off",
            "handoff_destination",
            destinationId.toString(),
            m,
            null));
    return true;
  }

  /**
   * "New secret": the subscription signs with a new secret (returned, to be shown once) from now
   * on; for the grace period ({@link #GRACE_HOURS}, default {@link #DEFAULT_GRACE_HOURS} h) every
   * delivery carries the old secret's signature as well, so the receiver switches without losing an
   * event. A second rotation within that period drops the oldest secret. Audited (never the
   * secret). Problem {@code webhooks.subscriptionNotFound} if it is not an active subscription of
   * the caller's municipality.
   */
  public Created rotateSecret(UUID subscriptionId) {
    UUID m = municipality();
    if (subscriptionId == null) {
      return new Created(
          List.of(new FieldProblem("subscription", "webhooks.subscriptionNotFound")), null, null);
    }
    String secret = WebhookSignature.newSecret();
    java.time.Instant now = clock.instant();
    java.time.Instant until = now.plus(grace());
    if (!repository.rotateSecret(
        m, subscriptionId, secrets.seal(m, subscriptionId, secret), until, now)) {
      return new Created(
          List.of(new FieldProblem("subscription", "webhooks.subscriptionNotFound")), null, null);
    }
    audit.record(
        new AuditEvent(
            actor(),
            "webhooks.secret-rotated",
            "webhook_subscription",
            subscriptionId.toString(),
            m,
            "previous valid until " + until));
    return new Created(List.of(), subscriptionId, secret);
  }

  /** The rotation's grace period (at least 0). */
  public static java.time.Duration grace() {
    return java.time.Duration.ofHours(
        Math.max(0, Settings.number(GRACE_HOURS, DEFAULT_GRACE_HOURS)));
  }

  /** Stops a subscription; false if it is not an active one of the caller's municipality. */
  public boolean unsubscribe(UUID subscriptionId) {
    UUID m = municipality();
    if (subscriptionId == null || !repository.deactivate(m, subscriptionId)) {
      return false;
    }
    audit.record(
        new AuditEvent(
            actor(),
            "webhooks.unsubscribed",
            "webhook_subscription",
            subscriptionId.toString(),
            m,
            null));
    return true;
  }

  /** The newest deliveries of the caller's municipality. */
  public List<Delivery> deliveries() {
    return repository.deliveries(municipality(), LOG_LIMIT);
  }

  /** Sends a delivery again (same id, attempts counted anew); false if not found. */
  public boolean replay(UUID deliveryId) {
    UUID m = municipality();
    if (deliveryId == null || !repository.replay(m, deliveryId, clock.instant())) {
      return false;
    }
    audit.record(
        new AuditEvent(
            actor(), "webhooks.replayed", "webhook_delivery", deliveryId.toString(), m, null));
    return true;
  }

  private UUID municipality() {
    TenantScope scope = caller.get();
    if (scope == null || scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Webhooks are managed by staff of a municipality");
    }
    return scope.municipalityId();
  }

  private String actor() {
    String subject = caller.get().subject();
    return subject == null ? "unknown" : subject;
  }
}
