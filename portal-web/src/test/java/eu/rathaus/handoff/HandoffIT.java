package eu.rathaus.handoff;

import static eu.rathaus.web.it.ItJourneys.MUSTERSTADT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import eu.rathaus.cases.domain.CaseEvent;
import eu.rathaus.cases.domain.CaseRecord;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.handoff.application.HandoffDestinations;
import eu.rathaus.handoff.domain.StatusEvent;
import eu.rathaus.handoff.domain.StatusEventSigner;
import eu.rathaus.identity.admin.AdminSettings;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.launcher.ReferenceReceiver;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.MessageItem;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hand-off to a specialist procedure (issue 14) for real: Musterstadt's admin points a service
 * of the test's own at a procedure (its public keys; the portal registers the destination's
 * Keycloak client), a citizen submits, the submission waits sealed as JWE while the procedure is
 * away, then the reference receiver signs in with client credentials, pulls it, decrypts it with
 * its private key, checks the attachment hashes, acknowledges and decides with a notice PDF — and
 * the case shows the decision, the citizen's mailbox has the notice. Delivered exactly once;
 * forged, replayed and foreign calls are refused with problem details.
 */
@ExtendWith(ArquillianExtension.class)
class HandoffIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(HandoffIT.class, ReferenceReceiver.class);
  }

  @Inject HandoffDestinations destinations;
  @Inject ItJourneys journeys;
  @Inject ScopedTransactions transactions;
  @Inject CallerScope caller;
  @Inject Mailbox mailbox;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  /** A service of the test's own, handed to a procedure with fresh keys. */
  private record Procedure(
      ItJourneys.Published service, HandoffDestinations.Saved saved, ReferenceReceiver receiver) {}

  private Procedure procedure(ReferenceReceiver.Keys keys) throws Exception {
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.handoff.");
    caller.set(TenantScope.staff(MUSTERSTADT, "it-handoff-admin"));
    HandoffDestinations.Saved saved =
        destinations.useProcedure(
            service.definitionId(),
            "http://127.0.0.1:9/fachverfahren",
            keys.encryptionPublicJson(),
            keys.signaturePublicJson());
    assertTrue(saved.problems().isEmpty(), saved.problems().toString());
    assertFalse(saved.clientSecret() == null || saved.clientSecret().isBlank());
    AdminSettings keycloak = AdminSettings.fromEnvironment();
    ReferenceReceiver receiver =
        new ReferenceReceiver(
            new ReferenceReceiver.Settings(
                base.toURI(),
                URI.create(
                    keycloak.serverUrl()
                        + "/realms/"
                        + keycloak.realm()
                        + "/protocol/openid-connect/token"),
                saved.clientId(),
                saved.clientSecret(),
                saved.destinationId(),
                keys));
    return new Procedure(service, saved, receiver);
  }

  private String submit(Procedure p, String lastName) throws Exception {
    caller.set(TenantScope.citizen("it-handoff-erika-" + UUID.randomUUID()));
    return journeys.submitMeldebescheinigung(
        p.service().serviceKey(), lastName, "erika@example.org", null, "Erika " + lastName);
  }

  private Object[] handoffRow(String reference) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            (Object[])
                em.createNativeQuery(
                        "select status, content, fetch_count, id from handoff_submission where reference_number = ?1")
                    .setParameter(1, reference)
                    .getSingleResult());
  }

  @Test
  void submissionWaitsSealedUntilTheProcedurePullsDecryptsAcknowledgesAndDecidesOnce()
      throws Exception {
    ReferenceReceiver.Keys keys = ReferenceReceiver.Keys.generate();
    Procedure p = procedure(keys);
    String lastName = "Übergabe" + UUID.randomUUID().toString().substring(0, 6);
    String reference = submit(p, lastName);

    // The procedure is away: the submission waits, sealed — the portal stores no plaintext.
    Object[] row = handoffRow(reference);
    assertEquals("PENDING", row[0]);
    String jwe = (String) row[1];
    assertEquals(5, jwe.split("\\.").length);
    assertFalse(jwe.contains(lastName) || jwe.contains(reference));

    // Back: it pulls, decrypts with its private key, checks the hashes, acknowledges, decides.
    List<ReferenceReceiver.Delivery> taken = p.receiver().pollOnce();
    assertEquals(1, taken.size());
    ReferenceReceiver.Delivery delivery = taken.get(0);
    assertEquals(reference, delivery.reference());
    assertTrue(delivery.attachmentsIntact());
    JsonNode document = delivery.document();
    assertEquals(p.service().serviceKey(), document.at("/metadata/serviceKey").asText());
    assertEquals("musterstadt", document.at("/metadata/municipality/slug").asText());
    assertEquals("open", document.at("/metadata/payment/state").asText());
    assertEquals(lastName, document.at("/data/lastName").asText());

    // Exactly once: the next round finds nothing; it was fetched once.
    assertTrue(p.receiver().pollOnce().isEmpty());
    row = handoffRow(reference);
    assertEquals("ACKNOWLEDGED", row[0]);
    assertEquals(1, ((Number) row[2]).intValue());

    // The case shows the decision and the steps; the notice is in the applicant's mailbox.
    UUID caseId = journeys.caseOf(reference);
    CaseRecord[] c = new CaseRecord[1];
    List<CaseEvent.Kind> kinds =
        transactions.call(
            TenantScope.platform("it"),
            () -> {
              c[0] = em.find(CaseRecord.class, caseId);
              return em.createQuery(
                      "select e.kind from CaseEvent e where e.caseId = :c and e.citizenVisible = true"
                          + " order by e.seq",
                      CaseEvent.Kind.class)
                  .setParameter("c", caseId)
                  .getResultList();
            });
    assertEquals(CaseStatus.APPROVED, c[0].status());
    assertEquals(ReferenceReceiver.REASONS, c[0].decisionReasons());
    assertEquals(
        List.of(
            CaseEvent.Kind.HANDED_OVER,
            CaseEvent.Kind.PROCEDURE_RECEIVED,
            CaseEvent.Kind.START_REVIEW,
            CaseEvent.Kind.APPROVE),
        kinds);
    caller.set(TenantScope.staff(MUSTERSTADT, "it-handoff-clerk"));
    List<MessageItem> messages = mailbox.caseThread(caseId).orElseThrow().messages();
    assertEquals(1, messages.size());
    assertEquals(1, messages.get(0).attachments().size());
    assertTrue(messages.get(0).attachments().get(0).displayName().endsWith(".pdf"));
    assertEquals(
        ReferenceReceiver.sha256(ReferenceReceiver.noticePdf(reference)),
        messages.get(0).attachments().get(0).sha256());
    assertEquals("Fachverfahren", messages.get(0).authorName());

    // A decided case takes no second decision (409), sent once or twice.
    String token = p.receiver().token();
    UUID submission = delivery.submissionId();
    String decided = p.receiver().signedEvent(submission, StatusEvent.Kind.DECIDED, null);
    HttpResponse<String> again = postEvent(p, token, decided);
    assertEquals(409, again.statusCode(), again.body());
    HttpResponse<String> replay = postEvent(p, token, decided);
    assertEquals(409, replay.statusCode(), replay.body());
  }

  @Test
  void forgedForeignAndTokenlessCallsAreRefusedWithProblemDetails() throws Exception {
    ReferenceReceiver.Keys keys = ReferenceReceiver.Keys.generate();
    Procedure p = procedure(keys);
    Procedure other = procedure(ReferenceReceiver.Keys.generate());
    String reference = submit(p, "Fälschung");
    UUID submission = UUID.fromString(handoffRow(reference)[3].toString());
    String token = p.receiver().token();

    // No token: 401 problem+json; another destination's token: 403.
    HttpResponse<String> noToken = send(p, "/submissions", null, null, null);
    problem(noToken, 401);
    HttpResponse<String> foreign = send(p, "/submissions", other.receiver().token(), null, null);
    problem(foreign, 403);
    problem(send(p, "/submissions/" + submission, other.receiver().token(), null, null), 403);

    // A forged event (signed with a key that is not the destination's) and a tampered one: 400.
    ECKey forger = new ECKeyGenerator(Curve.P_256).generate();
    String forged =
        StatusEventSigner.sign(
            forger,
            p.saved().destinationId(),
            submission,
            StatusEvent.Kind.DECIDED,
            true,
            "Gefälscht",
            null,
            Instant.now());
    problem(postEvent(p, token, forged), 400);
    String genuine = p.receiver().signedEvent(submission, StatusEvent.Kind.RECEIVED, null);
    String[] parts = genuine.split("\\.");
    String tampered =
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    problem(postEvent(p, token, tampered), 400);

    // The genuine event is taken once; its replay is refused.
    HttpResponse<String> accepted = postEvent(p, token, genuine);
    assertEquals(202, accepted.statusCode(), accepted.body());
    problem(postEvent(p, token, genuine), 409);

    // A rejection needs a reason; a pending submission of another test is rejected with one.
    String second = submit(p, "Zuständigkeit");
    UUID secondId = UUID.fromString(handoffRow(second)[3].toString());
    problem(
        send(p, "/submissions/" + secondId + "/rejection", token, "application/json", "{}"), 400);
    HttpResponse<String> rejected =
        send(
            p,
            "/submissions/" + secondId + "/rejection",
            token,
            "application/json",
            "{\"reason\":\"Zuständig ist das Landratsamt\"}");
    assertEquals(204, rejected.statusCode(), rejected.body());
    assertEquals("REJECTED", handoffRow(second)[0]);
  }

  @Test
  void theAdminGetsClearMessagesForBadKeysAndNothingIsStored() throws Exception {
    ItJourneys.Published service = journeys.publish("meldebescheinigung", "it.handoffkeys.");
    ReferenceReceiver.Keys keys = ReferenceReceiver.Keys.generate();
    caller.set(TenantScope.staff(MUSTERSTADT, "it-handoff-admin"));
    HandoffDestinations.Saved refused =
        destinations.useProcedure(
            service.definitionId(),
            "ftp://fachverfahren",
            keys.encryption().toJSONString(),
            "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}");
    assertEquals(
        List.of("handoff.endpoint.invalid", "handoff.key.private", "handoff.key.signature-type"),
        refused.problems().stream().map(HandoffDestinations.FieldProblem::key).toList());
    assertFalse(destinations.of(service.definitionId()).orElseThrow().external());

    // Beispielheim's admin does not even find Musterstadt's service.
    caller.set(TenantScope.staff(ItJourneys.BEISPIELHEIM, "it-handoff-other"));
    assertTrue(destinations.of(service.definitionId()).isEmpty());
  }

  private HttpResponse<String> postEvent(Procedure p, String token, String jws) throws Exception {
    return send(p, "/events", token, "application/jose", jws);
  }

  private HttpResponse<String> send(
      Procedure p, String path, String token, String contentType, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    base.toString().replaceAll("/$", "")
                        + "/api/v1/destinations/"
                        + p.saved().destinationId()
                        + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(response.body());
    assertEquals(status, body.path("status").asInt());
    assertTrue(body.path("type").asText().startsWith("https://rathaus.eu/problems/"));
    return body;
  }
}
