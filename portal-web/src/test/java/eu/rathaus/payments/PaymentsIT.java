package eu.rathaus.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.application.PaymentPoll;
import eu.rathaus.payments.application.PaymentSettings;
import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.payments.application.ProviderRefunds;
import eu.rathaus.payments.application.RefundOutcome;
import eu.rathaus.payments.application.StartOutcome;
import eu.rathaus.payments.application.TransferDetails;
import eu.rathaus.payments.domain.NotificationSignature;
import eu.rathaus.payments.domain.PaymentEvent;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentRefund;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.payments.infrastructure.HostedPageProvider;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments against the real database and the real payment sandbox of the test stack: the request
 * opened with the submission, paying online and by transfer, notifications (refused when forged,
 * stale, unknown or for the wrong amount; booked once when repeated), the poll settling a payment
 * whose notification was lost, expiry, provider refunds, and who may see a payment.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentsIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(PaymentsIT.class);
  }

  @Inject ItJourneys journeys;
  @Inject Payments payments;
  @Inject PaymentPoll poll;
  @Inject ProviderRefunds refunds;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private String serviceKey;
  private String citizen;

  @BeforeEach
  void publishMeldebescheinigungWithAFreeSimpleCertificate() throws Exception {
    citizen = "it-payer-" + UUID.randomUUID().toString().substring(0, 8);
    publish("it.pay-", template -> template.replace("\"simple\": 1000", "\"simple\": 0"));
  }

  /**
   * Publishes the Meldebescheinigung template, changed by {@code change}, under a fresh key in
   * Musterstadt.
   */
  private void publish(String keyPrefix, java.util.function.UnaryOperator<String> change)
      throws Exception {
    serviceKey = journeys.publish("meldebescheinigung", keyPrefix, change).serviceKey();
  }

  /** The citizen submits a Meldebescheinigung: "extended" costs 15 €, "simple" is free here. */
  private ReferenceNumber submit(String certificateType) throws Exception {
    caller.set(TenantScope.citizen(citizen));
    return ReferenceNumber.parse(
        journeys.submitMeldebescheinigung(
            serviceKey, certificateType, "Mustermann", "erika@example.org", null, null));
  }

  private UUID applicationId(ReferenceNumber reference) throws Exception {
    UUID[] id = new UUID[1];
    transactions.asPlatform(
        () ->
            id[0] =
                em.createQuery(
                        "select a.id from CaseApplication a where a.referenceNumber = ?1",
                        UUID.class)
                    .setParameter(1, reference.format())
                    .getSingleResult());
    return id[0];
  }

  private PaymentRequest stored(UUID applicationId) throws Exception {
    PaymentRequest[] found = new PaymentRequest[1];
    transactions.asPlatform(
        () ->
            found[0] =
                em.createQuery(
                        "select p from PaymentRequest p where p.applicationId = ?1",
                        PaymentRequest.class)
                    .setParameter(1, applicationId)
                    .getResultStream()
                    .findFirst()
                    .orElse(null));
    return found[0];
  }

  private List<PaymentEvent> events(UUID paymentId) throws Exception {
    @SuppressWarnings("unchecked")
    List<PaymentEvent>[] list = new List[1];
    transactions.asPlatform(
        () ->
            list[0] =
                em.createQuery(
                        "select e from PaymentEvent e where e.paymentId = ?1 order by e.occurredAt",
                        PaymentEvent.class)
                    .setParameter(1, paymentId)
                    .getResultList());
    return list[0];
  }

  private List<String> kinds(UUID paymentId) throws Exception {
    return events(paymentId).stream().map(PaymentEvent::kind).toList();
  }

  /** A fee-bearing application whose online payment was started: PENDING at the sandbox. */
  private PaymentRequest pendingOnline() throws Exception {
    UUID application = applicationId(submit("extended"));
    caller.set(TenantScope.citizen(citizen));
    StartOutcome start =
        payments.startOnline(
            application, URI.create("http://localhost:18080/citizen/payment-return.xhtml"));
    assertTrue(start.isRedirect(), String.valueOf(start.problemKey()));
    assertTrue(
        start.redirect().toString().startsWith("http://localhost:18480/pay/ps_"),
        start.redirect()::toString);
    PaymentRequest payment = stored(application);
    assertEquals(PaymentState.PENDING, payment.state());
    return payment;
  }

  private static String sandbox() {
    return PaymentSettings.text("PAYMENT_PROVIDER_URL", "http://127.0.0.1:18480");
  }

  private static int payAtSandbox(String sessionId, String card) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox() + "/pay/" + sessionId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=" + card))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void sandboxNotifications(boolean enabled) throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(
                URI.create(sandbox() + "/api/control/notifications?enabled=" + enabled))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static String notification(PaymentRequest p, String id, String status, long cents) {
    return "{\"notificationId\":\""
        + id
        + "\",\"sessionId\":\""
        + p.providerPaymentId()
        + "\",\"reference\":\""
        + p.referenceValue()
        + "\",\"status\":\""
        + status
        + "\",\"amountCents\":"
        + cents
        + ",\"currency\":\"EUR\"}";
  }

  private static int post(String body, Instant at, String secret) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long seconds = at.getEpochSecond();
    String signature =
        new NotificationSignature(secret.getBytes(StandardCharsets.UTF_8)).sign(seconds, bytes);
    return HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        PaymentSettings.notifyBaseUrl() + "/api/v1/payments/notifications/hosted"))
                .header("Content-Type", "application/json")
                .header("X-Payment-Timestamp", Long.toString(seconds))
                .header("X-Payment-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String secret() {
    return PaymentSettings.text("PAYMENT_PROVIDER_SECRET", HostedPageProvider.LOCAL_SECRET);
  }

  private PaymentRequest awaitState(UUID applicationId, PaymentState state) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    PaymentRequest payment = stored(applicationId);
    while (payment.state() != state && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      payment = stored(applicationId);
    }
    return payment;
  }

  @Test
  void aFeeBearingSubmissionOpensARequestWithAmountReferenceAndDueDate() throws Exception {
    ReferenceNumber reference = submit("extended");
    UUID application = applicationId(reference);

    PaymentRequest payment = stored(application);
    assertEquals(1500, payment.amountCents());
    assertEquals(PaymentState.OPEN, payment.state());
    assertEquals(
        PaymentReference.of("MUS", reference.year(), reference.counter()), payment.reference());
    assertTrue(payment.dueDate().isAfter(LocalDate.now().plusDays(10)));
    assertEquals(List.of("OPENED"), kinds(payment.id()));
    long[] audits = new long[1];
    transactions.asPlatform(
        () ->
            audits[0] =
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from audit_entry where subject_type = 'payment_request' and subject_id = ?1")
                            .setParameter(1, payment.id().toString())
                            .getSingleResult())
                    .longValue());
    assertEquals(1, audits[0]);

    caller.set(TenantScope.citizen(citizen));
    assertEquals(
        PaymentState.OPEN,
        payments.forApplication(application).map(PaymentSummary::state).orElse(null));
    assertFalse(payments.decisionAllowed(application));
  }

  @Test
  void aServiceThatAllowsDecidingBeforePaymentAllowsItWhileTheFeeIsOpen() throws Exception {
    publish(
        "it.pay-early-",
        template ->
            template.replace(
                "\"processingDays\":", "\"decideBeforePayment\": true, \"processingDays\":"));
    UUID application = applicationId(submit("extended"));

    caller.set(TenantScope.staff(MUSTERSTADT, "it-mia"));
    assertEquals(PaymentState.OPEN, payments.forApplication(application).orElseThrow().state());
    assertTrue(payments.decisionAllowed(application));
  }

  @Test
  void aFeeFreeSubmissionOpensNone() throws Exception {
    UUID application = applicationId(submit("simple"));

    assertNull(stored(application));
    caller.set(TenantScope.citizen(citizen));
    assertTrue(payments.decisionAllowed(application));
  }

  @Test
  void choosingTransferShowsPayeeIbanReferenceAndGiroCode() throws Exception {
    UUID application = applicationId(submit("extended"));
    caller.set(TenantScope.citizen(citizen));

    TransferDetails details = payments.chooseTransfer(application).orElseThrow();

    assertEquals("Stadtkasse Musterstadt", details.payeeName());
    assertEquals("DE02 1203 0000 0000 2020 51", details.formattedIban());
    assertTrue(
        details.epcPayload().contains("EUR15.00")
            && details.epcPayload().contains(details.reference()));
    assertTrue(details.qrSvg().startsWith("<svg") && details.qrSvg().contains("aria-label"));
    PaymentRequest payment = stored(application);
    assertEquals(PaymentMethod.SEPA_TRANSFER, payment.method());
    assertEquals(PaymentState.OPEN, payment.state());
  }

  @Test
  void forgedStaleUnknownAndWrongAmountNotificationsAreRefusedAndChangeNothing() throws Exception {
    PaymentRequest payment = pendingOnline();
    int eventsBefore = events(payment.id()).size();

    String good = notification(payment, "nt_it_" + UUID.randomUUID(), "PAID", 1500);
    assertEquals(401, post(good, Instant.now(), "a-completely-different-secret-of-32-bytes"));
    assertEquals(401, post(good, Instant.now().minusSeconds(900), secret()));
    String unknown =
        good.replace(payment.referenceValue(), PaymentReference.of("ZZZ", 2000, 1).value());
    assertEquals(404, post(unknown, Instant.now(), secret()));
    assertEquals(
        422,
        post(
            notification(payment, "nt_it_" + UUID.randomUUID(), "PAID", 1),
            Instant.now(),
            secret()));
    assertEquals(400, post("{\"status\":\"PAID\"}", Instant.now(), secret()));

    PaymentRequest after = stored(payment.applicationId());
    assertEquals(PaymentState.PENDING, after.state());
    assertEquals(eventsBefore, events(payment.id()).size());
  }

  @Test
  void theSameNotificationTwiceIsBookedOnce() throws Exception {
    PaymentRequest payment = pendingOnline();
    String body = notification(payment, "nt_it_" + UUID.randomUUID(), "PAID", 1500);

    assertEquals(200, post(body, Instant.now(), secret()));
    assertEquals(200, post(body, Instant.now(), secret()));

    PaymentRequest after = stored(payment.applicationId());
    assertEquals(PaymentState.PAID, after.state());
    assertEquals(1500, after.paidCents());
    assertEquals(1, kinds(payment.id()).stream().filter("PROVIDER_PAID"::equals).count());
    caller.set(TenantScope.staff(MUSTERSTADT, "it-clerk"));
    assertTrue(payments.decisionAllowed(payment.applicationId()));
  }

  @Test
  void thePollSettlesAPaymentWhoseNotificationWasLost() throws Exception {
    PaymentRequest payment = pendingOnline();
    sandboxNotifications(false);
    try {
      // The sandbox settles the session before it answers 303 and, switched off, queues no
      // notification at all: once the answer is here, nothing is on its way that could still
      // arrive.
      assertEquals(303, payAtSandbox(payment.providerPaymentId(), "success"));
      assertEquals(PaymentState.PENDING, stored(payment.applicationId()).state());

      while (poll.settlePending(Duration.ZERO) > 0
          && stored(payment.applicationId()).state() == PaymentState.PENDING) {
        // further batches until ours was looked at
      }
    } finally {
      sandboxNotifications(true);
    }

    PaymentRequest after = stored(payment.applicationId());
    assertEquals(PaymentState.PAID, after.state());
    assertTrue(events(payment.id()).stream().anyMatch(e -> "POLL:hosted".equals(e.source())));
  }

  @Test
  void theSandboxNotificationSettlesAFailedCard() throws Exception {
    PaymentRequest payment = pendingOnline();

    assertEquals(303, payAtSandbox(payment.providerPaymentId(), "fail"));

    assertEquals(
        PaymentState.FAILED, awaitState(payment.applicationId(), PaymentState.FAILED).state());
  }

  @Test
  void overdueRequestsExpire() throws Exception {
    UUID application = applicationId(submit("extended"));
    PaymentRequest payment = stored(application);
    transactions.asPlatform(
        () ->
            em.createNativeQuery("update payment_request set due_date = ?1 where id = ?2")
                .setParameter(1, LocalDate.of(2001, 1, 1))
                .setParameter(2, payment.id())
                .executeUpdate());

    while (poll.expireOverdue() > 0 && stored(application).state() != PaymentState.EXPIRED) {
      // further batches until ours was reached
    }

    assertEquals(PaymentState.EXPIRED, stored(application).state());
    assertTrue(kinds(payment.id()).contains("EXPIRED"));
  }

  @Test
  void aPaidOnlinePaymentIsRefundedThroughTheProvider() throws Exception {
    PaymentRequest payment = pendingOnline();
    assertEquals(303, payAtSandbox(payment.providerPaymentId(), "success"));
    assertEquals(PaymentState.PAID, awaitState(payment.applicationId(), PaymentState.PAID).state());

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-other-treasurer"));
    assertFalse(refunds.refund(payment.id(), 500, "Irrtum").done());

    caller.set(TenantScope.staff(MUSTERSTADT, "it-treasurer"));
    assertEquals(
        "payment.problem.refundAmount", refunds.refund(payment.id(), 2000, "zu viel").problemKey());
    RefundOutcome outcome = refunds.refund(payment.id(), 500, "Teilweise erstattet");

    assertTrue(outcome.done(), outcome::toString);
    PaymentRequest after = stored(payment.applicationId());
    assertEquals(PaymentState.REFUNDED, after.state());
    assertEquals(500, after.refundedCents());
    PaymentRefund[] refund = new PaymentRefund[1];
    transactions.asPlatform(() -> refund[0] = em.find(PaymentRefund.class, outcome.refundId()));
    assertEquals(PaymentRefund.State.DONE, refund[0].state());
    assertTrue(refund[0].providerRefundId().startsWith("rf_"));
    JsonNode atSandbox =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create(sandbox() + "/api/sessions/" + payment.providerPaymentId()))
                        .headers(signedGet())
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertEquals(500, atSandbox.path("refundedCents").asLong());
  }

  private static String[] signedGet() {
    long seconds = Instant.now().getEpochSecond();
    return new String[] {
      "X-Payment-Timestamp",
      Long.toString(seconds),
      "X-Payment-Signature",
      new NotificationSignature(secret().getBytes(StandardCharsets.UTF_8))
          .sign(seconds, new byte[0])
    };
  }

  @Test
  void onlyTheApplicantAndTheMunicipalitysStaffSeeThePayment() throws Exception {
    UUID application = applicationId(submit("extended"));

    caller.set(TenantScope.citizen("it-someone-else-" + UUID.randomUUID()));
    assertTrue(payments.forApplication(application).isEmpty());
    assertTrue(payments.chooseTransfer(application).isEmpty());
    assertEquals(
        "payment.problem.notFound",
        payments.startOnline(application, URI.create("http://localhost/x")).problemKey());

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-ben"));
    assertTrue(payments.forApplication(application).isEmpty());

    caller.set(TenantScope.staff(MUSTERSTADT, "it-mia"));
    assertEquals(
        1500L, payments.forApplication(application).map(PaymentSummary::amountCents).orElse(0L));
    assertFalse(payments.decisionAllowed(application));
  }
}
