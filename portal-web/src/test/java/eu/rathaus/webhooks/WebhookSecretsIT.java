package eu.rathaus.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.webhooks.application.WebhookSecretSealer;
import eu.rathaus.webhooks.application.WebhookSecrets;
import eu.rathaus.webhooks.application.WebhookSubscriptions;
import eu.rathaus.webhooks.domain.WebhookEventType;
import eu.rathaus.webhooks.domain.WebhookSignature;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook secrets at rest and their rotation, against the real database and a real receiver: the
 * stored column holds a sealed envelope (opened only with the municipality's data key), never the
 * secret; "new secret" signs from then on while for the grace period every delivery also carries
 * the old secret's signature, so a receiver holding either accepts it; after the period only the
 * new one signs. Another municipality's admin cannot rotate it. A plain secret from before V68 is
 * sealed by the portal's start-up step.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookSecretsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(
        WebhookSecretsIT.class, WebhookReceiver.class, WebhookReceiver.Received.class);
  }

  @Inject WebhookSubscriptions webhooks;
  @Inject WebhookSecrets secrets;
  @Inject WebhookSecretSealer sealer;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;

  private WebhookReceiver receiver;
  private UUID subscription;

  @AfterEach
  void cleanUp() throws Exception {
    if (subscription != null) {
      asAdmin();
      webhooks.unsubscribe(subscription);
    }
    if (receiver != null) {
      receiver.close();
    }
    caller.set(null);
  }

  private void asAdmin() {
    caller.set(TenantScope.staff(ItJourneys.MUSTERSTADT, "it-secrets-admin"));
  }

  private String submit(ItJourneys.Published service, String lastName) throws Exception {
    caller.set(TenantScope.citizen("it-secrets-" + UUID.randomUUID()));
    String reference =
        journeys.submitMeldebescheinigung(
            service.serviceKey(), lastName, "erika@example.org", null, "Erika " + lastName);
    asAdmin();
    return reference;
  }

  private WebhookReceiver.Received deliveryOf(String reference) throws InterruptedException {
    List<WebhookReceiver.Received> got = receiver.await(reference, 1, 30_000);
    assertEquals(1, got.size(), "delivered once: " + reference);
    return got.get(0);
  }

  private static boolean verifies(String secret, WebhookReceiver.Received r) {
    return r.verifies(secret);
  }

  @Test
  void theStoredColumnIsSealedAndARotatedSecretVerifiesWhileTheOldOneSignsAlongForTheGrace()
      throws Exception {
    receiver = new WebhookReceiver();
    receiver.start();
    asAdmin();
    WebhookSubscriptions.Created created =
        webhooks.subscribe(receiver.url(), Set.of(WebhookEventType.APPLICATION_SUBMITTED));
    assertTrue(created.isCreated(), created.problems().toString());
    subscription = created.subscriptionId();
    String first = created.secret();

    // At rest: an envelope under the municipality's data key, not the secret.
    String stored = column("secret");
    assertTrue(stored.startsWith("sealed:v1:"), stored);
    assertFalse(stored.contains(first.substring("whsec_".length())), "no plain key material");
    assertEquals(first, secrets.open(ItJourneys.MUSTERSTADT, subscription, stored));
    assertEquals(
        0L,
        count(
            "select count(*) from webhook_subscription where secret like 'whsec_%'"
                + " or previous_secret like 'whsec_%'"),
        "no plain secret in the table");

    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.secrets.");
    WebhookReceiver.Received before = deliveryOf(submit(service, "Vorher"));
    assertTrue(verifies(first, before));
    assertEquals(1, before.header("webhook-signature").split(" ").length, "one signature");

    // Beispielheim's admin cannot rotate it.
    caller.set(TenantScope.staff(ItJourneys.BEISPIELHEIM, "it-secrets-bsp-admin"));
    assertEquals(
        List.of(
            new WebhookSubscriptions.FieldProblem("subscription", "webhooks.subscriptionNotFound")),
        webhooks.rotateSecret(subscription).problems());

    // Rotation: a new secret, shown once; the old one stays valid for the grace period.
    asAdmin();
    Instant rotatedAt = Instant.now();
    WebhookSubscriptions.Created rotated = webhooks.rotateSecret(subscription);
    assertTrue(rotated.isCreated(), rotated.problems().toString());
    String second = rotated.secret();
    assertTrue(second.startsWith("whsec_") && !second.equals(first));
    assertTrue(column("secret").startsWith("sealed:v1:"));
    assertFalse(column("secret").equals(stored), "a new envelope");
    assertEquals(stored, column("previous_secret"), "the old envelope kept as it was");
    Instant until =
        ((Timestamp) one("select previous_until from webhook_subscription where id = ?"))
            .toInstant();
    Duration grace = Duration.between(rotatedAt, until);
    assertTrue(
        grace.compareTo(Duration.ofHours(24).minusMinutes(1)) > 0
            && grace.compareTo(Duration.ofHours(24).plusMinutes(1)) < 0,
        "24 hours by default: " + grace);
    assertEquals(
        1L,
        count(
            "select count(*) from audit_entry where action = 'webhooks.secret-rotated'"
                + " and subject_id = '"
                + subscription
                + "' and details not like '%whsec%'"),
        "audited without the secret");

    WebhookReceiver.Received during = deliveryOf(submit(service, "Waehrend"));
    String[] signatures = during.header("webhook-signature").split(" ");
    assertEquals(2, signatures.length, "both signatures: " + during.header("webhook-signature"));
    assertTrue(verifies(second, during), "a receiver that switched accepts it");
    assertTrue(verifies(first, during), "a receiver that has not switched yet accepts it");

    // The grace period is over: only the new secret signs.
    superuser(
        "update webhook_subscription set previous_until = now() - interval '1 second'"
            + " where id = '"
            + subscription
            + "'");
    WebhookReceiver.Received after = deliveryOf(submit(service, "Nachher"));
    assertEquals(1, after.header("webhook-signature").split(" ").length);
    assertTrue(verifies(second, after));
    assertFalse(verifies(first, after), "the old secret no longer signs");
  }

  @Test
  void aPlainSecretFromBeforeV68IsSealedByTheStartUpStep() throws Exception {
    UUID id = UUID.randomUUID();
    String plain = WebhookSignature.newSecret();
    // Only a database from before V68 has such a row: the constraint is lifted for this insert.
    try (Connection c = superuser()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        s.execute(
            "alter table webhook_subscription"
                + " drop constraint webhook_subscription_secret_sealed_ck");
        s.execute(
            "insert into webhook_subscription (id, municipality_id, url, events, secret, active,"
                + " created_by) values ('"
                + id
                + "', '"
                + ItJourneys.MUSTERSTADT
                + "', 'https://alt.localhost/hook', 'payment.settled', '"
                + plain
                + "', false, 'it')");
        s.execute(
            "alter table webhook_subscription add constraint webhook_subscription_secret_sealed_ck"
                + " check (secret like 'sealed:v1:%' and (previous_secret is null"
                + " or previous_secret like 'sealed:v1:%')) not valid");
      }
      c.commit();
    }

    assertTrue(sealer.sealAll() >= 1);

    String stored =
        (String) one("select secret from webhook_subscription where id = ?", id.toString());
    assertTrue(stored.startsWith("sealed:v1:"), stored);
    assertEquals(plain, secrets.open(ItJourneys.MUSTERSTADT, id, stored));
    assertEquals(
        0L, count("select count(*) from webhook_subscription where secret like 'whsec_%'"));
    assertEquals(0, sealer.sealAll(), "nothing left to seal");
  }

  private String column(String name) throws Exception {
    return (String)
        one("select " + name + " from webhook_subscription where id = ?", subscription.toString());
  }

  private Object one(String sql) throws Exception {
    return one(sql, subscription.toString());
  }

  private static Object one(String sql, String parameter) throws Exception {
    try (Connection c = superuser();
        PreparedStatement p = c.prepareStatement(sql.replace("?", "?::uuid"))) {
      p.setString(1, parameter);
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next(), sql);
        Object value = rs.getObject(1);
        assertNotNull(value, sql);
        return value;
      }
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection c = superuser();
        PreparedStatement p = c.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void superuser(String sql) throws Exception {
    try (Connection c = superuser();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.executeUpdate();
    }
  }

  private static Connection superuser() throws Exception {
    Class.forName("org.postgresql.Driver");
    return DriverManager.getConnection(System.getenv("POSTGRESQL_URL"), "postgres", "postgres");
  }
}
