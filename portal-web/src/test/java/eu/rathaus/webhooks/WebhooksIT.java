package eu.rathaus.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.rathaus.handoff.application.HandoffDestinations;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.webhooks.application.WebhookSubscriptions;
import eu.rathaus.webhooks.domain.Delivery;
import eu.rathaus.webhooks.domain.WebhookEventType;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks against a real HTTP receiver on this machine ({@link WebhookReceiver}, the test double
 * of a municipality's system): a submission leads to one delivery, signed so that a receiver
 * computing the Standard Webhooks HMAC itself (here, independently of the portal's code) accepts
 * it; a receiver that is down and then answers 503 is retried with back-off and gets the event once
 * when it answers 2xx, with the last response code in the log; "replay" sends the same delivery
 * again; another municipality's admin sees, replays and cancels none of it. Each test subscribes
 * its own receiver and cancels the subscription at the end.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(
        WebhooksIT.class, WebhookReceiver.class, WebhookReceiver.Received.class);
  }

  @Inject WebhookSubscriptions webhooks;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;
  @Inject HandoffDestinations destinations;

  private WebhookReceiver receiver;
  private UUID subscription;

  @AfterEach
  void cleanUp() throws Exception {
    if (subscription != null) {
      asMusterstadtAdmin();
      webhooks.unsubscribe(subscription);
    }
    if (receiver != null) {
      receiver.close();
    }
    caller.set(null);
  }

  private void asMusterstadtAdmin() {
    caller.set(TenantScope.staff(ItJourneys.MUSTERSTADT, "it-webhooks-admin"));
  }

  private String subscribe(Set<WebhookEventType> events) {
    asMusterstadtAdmin();
    WebhookSubscriptions.Created created = webhooks.subscribe(receiver.url(), events);
    assertTrue(created.isCreated(), created.problems().toString());
    subscription = created.subscriptionId();
    assertTrue(created.secret().startsWith("whsec_"));
    return created.secret();
  }

  private String submit(ItJourneys.Published service, String lastName) throws Exception {
    caller.set(TenantScope.citizen("it-webhooks-" + UUID.randomUUID()));
    String reference =
        journeys.submitMeldebescheinigung(
            service.serviceKey(), lastName, "erika@example.org", null, "Erika " + lastName);
    asMusterstadtAdmin();
    return reference;
  }

  private Optional<Delivery> deliveryOf(String eventType) {
    asMusterstadtAdmin();
    return webhooks.deliveries().stream()
        .filter(d -> d.subscriptionId().equals(subscription) && d.eventType().equals(eventType))
        .findFirst();
  }

  private Delivery awaitDelivery(String eventType, java.util.function.Predicate<Delivery> until)
      throws InterruptedException {
    long end = System.currentTimeMillis() + 60_000;
    Optional<Delivery> d = deliveryOf(eventType);
    while ((d.isEmpty() || !until.test(d.get())) && System.currentTimeMillis() < end) {
      Thread.sleep(250);
      d = deliveryOf(eventType);
    }
    return d.filter(until).orElse(null);
  }

  private static boolean verifies(String secret, WebhookReceiver.Received r) {
    return r.verifies(secret);
  }

  @Test
  void aSubmissionIsDeliveredOnceSignedAndVerifiesWithIdsOnly() throws Exception {
    receiver = new WebhookReceiver();
    receiver.start();
    String secret = subscribe(Set.of(WebhookEventType.APPLICATION_SUBMITTED));
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.webhooks.");

    String reference = submit(service, "Hookmann");

    List<WebhookReceiver.Received> got = receiver.await(reference, 1, 30_000);
    assertEquals(1, got.size(), "one delivery for the submission");
    WebhookReceiver.Received r = got.get(0);
    assertTrue(verifies(secret, r), "the signature verifies with the subscription's secret");
    assertFalse(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), r));
    assertEquals("application/json", r.header("content-type"));
    JsonNode body = JSON.readTree(r.body());
    assertEquals("application.submitted", body.get("type").asText());
    assertEquals(reference, body.at("/data/referenceNumber").asText());
    assertEquals(service.serviceKey(), body.at("/data/serviceKey").asText());
    assertEquals(
        journeys.applicationOf(reference).toString(), body.at("/data/applicationId").asText());
    assertFalse(r.body().contains("Hookmann"), "no personal data: " + r.body());
    assertFalse(r.body().contains("erika@example.org"), r.body());

    Delivery logged = awaitDelivery("application.submitted", d -> d.status().equals("DELIVERED"));
    assertNotNull(logged, "the log shows it delivered");
    assertEquals(r.header("webhook-id"), logged.id().toString());
    assertEquals(1, logged.attempts());
    assertEquals(204, logged.lastStatus());

    // A second submission arrives: the sender has been round again, and sent the first once.
    String probe = submit(service, "Probe");
    assertEquals(1, receiver.await(probe, 1, 30_000).size());
    assertEquals(1, receiver.with(reference).size(), "exactly once");
  }

  @Test
  void aReceiverThatIsDownIsRetriedWithBackOffAndGetsTheEventOnceWhenBack() throws Exception {
    receiver = new WebhookReceiver(); // not started: connection refused
    String secret = subscribe(Set.of(WebhookEventType.APPLICATION_SUBMITTED));
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.webhooks.");
    String reference = submit(service, "Ausfall");

    Delivery refused = awaitDelivery("application.submitted", d -> d.attempts() >= 1);
    assertNotNull(refused, "tried while the receiver is down");
    assertEquals("PENDING", refused.status());
    assertNull(refused.lastStatus(), "no response");
    assertNotNull(refused.lastError());
    assertNotNull(refused.nextAttemptAt(), "another attempt is scheduled");

    receiver.status = 503;
    receiver.start();
    Delivery unavailable = awaitDelivery("application.submitted", d -> d.lastStatus() != null);
    assertNotNull(unavailable, "retried after the back-off");
    assertEquals(503, unavailable.lastStatus());
    assertEquals("PENDING", unavailable.status());
    assertTrue(unavailable.attempts() >= 2, "attempts counted: " + unavailable.attempts());
    assertTrue(
        unavailable.nextAttemptAt().isAfter(unavailable.lastAttemptAt().plusSeconds(9)),
        "the back-off grows: next at " + unavailable.nextAttemptAt());

    receiver.status = 200;
    Delivery delivered =
        awaitDelivery("application.submitted", d -> d.status().equals("DELIVERED"));
    assertNotNull(delivered, "delivered once the receiver answers 2xx");
    assertEquals(200, delivered.lastStatus());
    List<WebhookReceiver.Received> got = receiver.with(reference);
    assertEquals(1, got.stream().filter(x -> x.answered() == 200).count(), "accepted once");
    assertTrue(
        got.stream().allMatch(x -> x.header("webhook-id").equals(delivered.id().toString())));
    assertTrue(verifies(secret, got.get(got.size() - 1)));
  }

  @Test
  void replaySendsTheSameDeliveryAgainAndAnotherMunicipalitySeesNoneOfIt() throws Exception {
    receiver = new WebhookReceiver();
    receiver.start();
    String secret = subscribe(Set.of(WebhookEventType.APPLICATION_SUBMITTED));
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.webhooks.");
    String reference = submit(service, "Wiederholung");
    Delivery first = awaitDelivery("application.submitted", d -> d.status().equals("DELIVERED"));
    assertNotNull(first);

    // Beispielheim's admin: no subscription, no delivery, no replay, no cancelling.
    caller.set(TenantScope.staff(ItJourneys.BEISPIELHEIM, "it-webhooks-bsp-admin"));
    assertTrue(webhooks.subscriptions().stream().noneMatch(s -> s.id().equals(subscription)));
    assertTrue(webhooks.deliveries().stream().noneMatch(d -> d.id().equals(first.id())));
    assertFalse(webhooks.replay(first.id()));
    assertFalse(webhooks.unsubscribe(subscription));

    asMusterstadtAdmin();
    assertTrue(webhooks.subscriptions().stream().anyMatch(s -> s.id().equals(subscription)));
    assertTrue(webhooks.replay(first.id()));
    List<WebhookReceiver.Received> got = receiver.await(reference, 2, 30_000);
    assertEquals(2, got.size(), "sent again");
    assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"));
    assertEquals(got.get(0).body(), got.get(1).body());
    assertTrue(verifies(secret, got.get(1)));
    assertNotNull(awaitDelivery("application.submitted", d -> d.status().equals("DELIVERED")));

    // Cancelled: the next submission is queued for nobody.
    assertTrue(webhooks.unsubscribe(subscription));
    String after = submit(service, "Abbestellt");
    assertTrue(deliveryOf("application.submitted").isPresent());
    asMusterstadtAdmin();
    assertTrue(
        webhooks.deliveries().stream()
            .filter(d -> d.subscriptionId().equals(subscription))
            .allMatch(d -> d.id().equals(first.id())),
        "nothing queued after unsubscribing (" + after + ")");
    subscription = null;
  }

  @Test
  void plainHttpToAnotherHostAnFtpUrlOrNoEventAreRefusedAndNothingIsStored() {
    asMusterstadtAdmin();
    int before = webhooks.subscriptions().size();
    // (The residency policy is not set in this container: WebhookUrlTest and WebhooksUiIT, on the
    // stack ./rathaus up starts, check it.)
    assertEquals(
        List.of(new WebhookSubscriptions.FieldProblem("url", "webhooks.url.https")),
        webhooks
            .subscribe("http://hooks.example.org/in", Set.of(WebhookEventType.PAYMENT_SETTLED))
            .problems());
    assertEquals(
        List.of(new WebhookSubscriptions.FieldProblem("url", "webhooks.url.invalid")),
        webhooks
            .subscribe("ftp://localhost/in", Set.of(WebhookEventType.PAYMENT_SETTLED))
            .problems());
    assertEquals(
        List.of(new WebhookSubscriptions.FieldProblem("events", "webhooks.events.none")),
        webhooks.subscribe("https://fachamt.localhost/in", Set.of()).problems());
    assertEquals(before, webhooks.subscriptions().size(), "nothing stored");
  }

  @Test
  void pushDeliveryPostsTheSealedSubmissionToTheDestinationSignedAndOnlyThere() throws Exception {
    receiver = new WebhookReceiver();
    receiver.start();
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.webhooks.push.");
    RSAKey encryption = new RSAKeyGenerator(2048).generate();
    asMusterstadtAdmin();
    HandoffDestinations.Saved saved =
        destinations.useProcedure(
            service.definitionId(),
            receiver.url(),
            encryption.toPublicJWK().toJSONString(),
            new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString());
    assertTrue(saved.isSaved(), saved.problems().toString());
    assertFalse(webhooks.pushes(saved.destinationId()));
    WebhookSubscriptions.Created push = webhooks.pushTo(saved.destinationId(), receiver.url());
    assertTrue(push.isCreated(), push.problems().toString());
    assertTrue(webhooks.pushes(saved.destinationId()));
    assertTrue(
        webhooks.subscriptions().stream().noneMatch(s -> s.id().equals(push.subscriptionId())),
        "a push channel is not one of the municipality's own subscriptions");
    try {
      String reference = submit(service, "Geschoben");

      List<WebhookReceiver.Received> got = receiver.await(reference, 1, 30_000);
      assertEquals(1, got.size(), "pushed once");
      WebhookReceiver.Received r = got.get(0);
      assertTrue(verifies(push.secret(), r), "signed with the push channel's secret");
      JsonNode body = JSON.readTree(r.body());
      assertEquals("submission.handed-off", body.get("type").asText());
      assertEquals(saved.destinationId().toString(), body.at("/data/destinationId").asText());
      assertFalse(r.body().contains("Geschoben"), "the answers travel sealed only");
      JWEObject sealed = JWEObject.parse(body.at("/data/content").asText());
      sealed.decrypt(new RSADecrypter(encryption));
      String document = sealed.getPayload().toString();
      assertTrue(document.contains(reference) && document.contains("Geschoben"), document);

      // A new secret for the push channel: for the grace period the next push carries both
      // signatures, so the procedure accepts it with either secret.
      WebhookSubscriptions.Created rotated = webhooks.rotatePushSecret(saved.destinationId());
      assertTrue(rotated.isCreated(), rotated.problems().toString());
      assertEquals(push.subscriptionId(), rotated.subscriptionId(), "the same channel");
      assertNotEquals(push.secret(), rotated.secret());
      String during = submit(service, "Gedreht");
      WebhookReceiver.Received both = receiver.await(during, 1, 30_000).get(0);
      assertEquals(2, both.header("webhook-signature").split(" ").length, "two signatures");
      assertTrue(verifies(rotated.secret(), both), "signed with the new secret");
      assertTrue(verifies(push.secret(), both), "and, during the grace period, the old one");

      // Beispielheim cannot see, stop or rotate it.
      caller.set(TenantScope.staff(ItJourneys.BEISPIELHEIM, "it-webhooks-bsp-admin"));
      assertFalse(webhooks.pushes(saved.destinationId()));
      assertFalse(webhooks.stopPush(saved.destinationId()));
      assertFalse(webhooks.rotatePushSecret(saved.destinationId()).isCreated());
    } finally {
      asMusterstadtAdmin();
      assertTrue(webhooks.stopPush(saved.destinationId()));
      destinations.useBackOffice(service.definitionId());
    }
  }
}
