package eu.rathaus.webhooks.infrastructure;

import eu.rathaus.kernel.SqlValues;
import eu.rathaus.webhooks.domain.Delivery;
import eu.rathaus.webhooks.domain.DueDelivery;
import eu.rathaus.webhooks.domain.Subscription;
import eu.rathaus.webhooks.domain.WebhookEventType;
import eu.rathaus.webhooks.domain.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Native SQL on the V59 tables, in the caller's transaction and scope (row-level security). */
@ApplicationScoped
public class SqlWebhookRepository implements WebhookRepository {

  private static final String DELIVERY_COLUMNS =
      "d.id, d.subscription_id, s.url, d.event_type, d.status, d.attempts, d.last_status,"
          + " d.last_error, d.created_at, d.last_attempt_at, d.delivered_at, d.next_attempt_at";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public int enqueue(UUID municipalityId, String eventType, String payload, Instant now) {
    return enqueue(municipalityId, null, eventType, payload, now);
  }

  private int enqueue(
      UUID municipalityId, UUID destinationId, String eventType, String payload, Instant now) {
    // A null destination written as a literal: a null parameter of a native query has no type.
    Query call =
        em.createNativeQuery(
                "select webhook_enqueue(:m, "
                    + (destinationId == null ? "null" : ":d")
                    + ", :type, :payload, :now)")
            .setParameter("m", municipalityId)
            .setParameter("type", eventType)
            .setParameter("payload", payload)
            .setParameter("now", Timestamp.from(now));
    if (destinationId != null) {
      call.setParameter("d", destinationId);
    }
    return ((Number) call.getSingleResult()).intValue();
  }

  @Override
  public void addSubscription(Subscription s, String secret, String actor) {
    em.createNativeQuery(
            "insert into webhook_subscription (id, municipality_id, url, events, secret, active,"
                + " created_at, created_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, s.id())
        .setParameter(2, s.municipalityId())
        .setParameter(3, s.url())
        .setParameter(
            4, s.events().stream().map(WebhookEventType::wireName).collect(Collectors.joining(",")))
        .setParameter(5, secret)
        .setParameter(6, s.active())
        .setParameter(7, Timestamp.from(s.createdAt()))
        .setParameter(8, actor)
        .executeUpdate();
  }

  @Override
  public int push(
      UUID municipalityId, UUID destinationId, String eventType, String payload, Instant now) {
    return enqueue(municipalityId, destinationId, eventType, payload, now);
  }

  @Override
  public void addPushSubscription(Subscription s, UUID destinationId, String secret, String actor) {
    addSubscription(s, secret, actor);
    em.createNativeQuery("update webhook_subscription set destination_id = ?2 where id = ?1")
        .setParameter(1, s.id())
        .setParameter(2, destinationId)
        .executeUpdate();
  }

  @Override
  public boolean pushes(UUID municipalityId, UUID destinationId) {
    return !em.createNativeQuery(
            "select 1 from webhook_subscription where municipality_id = ?1 and destination_id = ?2"
                + " and active")
        .setParameter(1, municipalityId)
        .setParameter(2, destinationId)
        .getResultList()
        .isEmpty();
  }

  @Override
  public Optional<UUID> pushChannel(UUID municipalityId, UUID destinationId) {
    return em.createNativeQuery(
            "select id from webhook_subscription where municipality_id = ?1 and destination_id = ?2"
                + " and active")
        .setParameter(1, municipalityId)
        .setParameter(2, destinationId)
        .getResultStream()
        .findFirst()
        .map(UUID.class::cast);
  }

  @Override
  public boolean stopPush(UUID municipalityId, UUID destinationId) {
    return em.createNativeQuery(
                "update webhook_subscription set active = false"
                    + " where municipality_id = ?1 and destination_id = ?2 and active")
            .setParameter(1, municipalityId)
            .setParameter(2, destinationId)
            .executeUpdate()
        > 0;
  }

  @Override
  public List<Subscription> subscriptions(UUID municipalityId) {
    return rows(
            em.createNativeQuery(
                    "select id, municipality_id, url, events, active, created_at from webhook_subscription"
                        + " where municipality_id = ?1 and active and destination_id is null"
                        + " order by created_at, id")
                .setParameter(1, municipalityId))
        .stream()
        .map(
            r ->
                new Subscription(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    Arrays.stream(((String) r[3]).split(","))
                        .map(WebhookEventType::ofWireName)
                        .flatMap(Optional::stream)
                        .toList(),
                    (Boolean) r[4],
                    SqlValues.instant(r[5])))
        .toList();
  }

  @Override
  public boolean deactivate(UUID municipalityId, UUID subscriptionId) {
    return em.createNativeQuery(
                "update webhook_subscription set active = false"
                    + " where id = ?1 and municipality_id = ?2 and active")
            .setParameter(1, subscriptionId)
            .setParameter(2, municipalityId)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<Delivery> deliveries(UUID municipalityId, int limit) {
    return rows(
            em.createNativeQuery(
                    "select "
                        + DELIVERY_COLUMNS
                        + " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                        + " where d.municipality_id = ?1 order by d.created_at desc, d.id limit ?2")
                .setParameter(1, municipalityId)
                .setParameter(2, limit))
        .stream()
        .map(SqlWebhookRepository::delivery)
        .toList();
  }

  @Override
  public Optional<Delivery> delivery(UUID deliveryId) {
    return rows(
            em.createNativeQuery(
                    "select "
                        + DELIVERY_COLUMNS
                        + " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                        + " where d.id = ?1")
                .setParameter(1, deliveryId))
        .stream()
        .map(SqlWebhookRepository::delivery)
        .findFirst();
  }

  @Override
  public boolean replay(UUID municipalityId, UUID deliveryId, Instant now) {
    return em.createNativeQuery(
                "update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?3,"
                    + " delivered_at = null where id = ?1 and municipality_id = ?2")
            .setParameter(1, deliveryId)
            .setParameter(2, municipalityId)
            .setParameter(3, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean rotateSecret(
      UUID municipalityId,
      UUID subscriptionId,
      String sealedSecret,
      Instant previousUntil,
      Instant now) {
    return em.createNativeQuery(
                "update webhook_subscription set previous_secret = secret, previous_until = ?3,"
                    + " secret = ?4, secret_rotated_at = ?5"
                    + " where id = ?1 and municipality_id = ?2 and active")
            .setParameter(1, subscriptionId)
            .setParameter(2, municipalityId)
            .setParameter(3, Timestamp.from(previousUntil))
            .setParameter(4, sealedSecret)
            .setParameter(5, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  @Override
  public List<PlainSecret> plainSecrets(int limit) {
    return rows(
            em.createNativeQuery(
                    "select id, municipality_id, secret, previous_secret from webhook_subscription"
                        + " where secret not like 'sealed:v1:%'"
                        + " or previous_secret not like 'sealed:v1:%'"
                        + " order by id limit ?1 for update skip locked")
                .setParameter(1, limit))
        .stream()
        .map(r -> new PlainSecret((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  @Override
  public void sealSecret(UUID subscriptionId, String sealedSecret, String sealedPrevious) {
    // A null previous secret written as a literal: a null parameter of a native query has no type.
    Query update =
        em.createNativeQuery(
                "update webhook_subscription set secret = :secret, previous_secret = "
                    + (sealedPrevious == null ? "null" : ":previous")
                    + " where id = :id")
            .setParameter("id", subscriptionId)
            .setParameter("secret", sealedSecret);
    if (sealedPrevious != null) {
      update.setParameter("previous", sealedPrevious);
    }
    update.executeUpdate();
  }

  @Override
  public List<DueDelivery> claimDue(Instant now, int limit) {
    return rows(
            em.createNativeQuery(
                    "select d.id, d.municipality_id, s.id, s.url, s.secret, s.previous_secret,"
                        + " s.previous_until, d.payload, d.attempts"
                        + " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= ?1"
                        + " order by d.next_attempt_at limit ?2 for update of d skip locked")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, limit))
        .stream()
        .map(
            r ->
                new DueDelivery(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    SqlValues.instant(r[6]),
                    (String) r[7],
                    ((Number) r[8]).intValue()))
        .toList();
  }

  @Override
  public void delivered(UUID deliveryId, int attempts, int httpStatus, Instant now) {
    em.createNativeQuery(
            "update webhook_delivery set status = 'DELIVERED', attempts = ?2, last_status = ?3,"
                + " last_error = null, last_attempt_at = ?4, delivered_at = ?4, next_attempt_at = null"
                + " where id = ?1")
        .setParameter(1, deliveryId)
        .setParameter(2, attempts)
        .setParameter(3, httpStatus)
        .setParameter(4, Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public void attemptFailed(
      UUID deliveryId, int attempts, Integer httpStatus, String error, Instant now, Instant next) {
    // Nulls written as SQL literals: a null parameter of a native query has no type to bind.
    Query update =
        em.createNativeQuery(
                "update webhook_delivery set status = :status, attempts = :attempts, last_status = "
                    + (httpStatus == null ? "null" : ":httpStatus")
                    + ", last_error = :error, last_attempt_at = :now, next_attempt_at = "
                    + (next == null ? "null" : ":next")
                    + " where id = :id")
            .setParameter("id", deliveryId)
            .setParameter("status", next == null ? "FAILED" : "PENDING")
            .setParameter("attempts", attempts)
            .setParameter(
                "error", error == null ? "" : error.substring(0, Math.min(500, error.length())))
            .setParameter("now", Timestamp.from(now));
    if (httpStatus != null) {
      update.setParameter("httpStatus", httpStatus);
    }
    if (next != null) {
      update.setParameter("next", Timestamp.from(next));
    }
    update.executeUpdate();
  }

  private static Delivery delivery(Object[] r) {
    return new Delivery(
        (UUID) r[0],
        (UUID) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        ((Number) r[5]).intValue(),
        r[6] == null ? null : ((Number) r[6]).intValue(),
        (String) r[7],
        SqlValues.instant(r[8]),
        SqlValues.instant(r[9]),
        SqlValues.instant(r[10]),
        SqlValues.instant(r[11]));
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query query) {
    return query.getResultList();
  }
}
