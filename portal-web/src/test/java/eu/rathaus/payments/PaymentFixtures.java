package eu.rathaus.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.DemoTemplates;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sets up what the treasury tests reconcile, in the container: a citizen submits a real application
 * through {@link ApplicationJourney}, and — until the PAYMENTS part opens payment requests on
 * submission — a payment request is created for it directly through the entity and repository, then
 * moved to PENDING as a citizen choosing SEPA transfer would.
 */
@ApplicationScoped
public class PaymentFixtures {

  public static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  public static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  public static final String MUSTERSTADT_IBAN = "DE02120300000000202051";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ApplicationJourney journey;
  @Inject ServiceCatalogue catalogue;
  @Inject CallerScope caller;
  @Inject PaymentRepository payments;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** Work run in its own transaction in the platform scope. */
  public void asPlatform(ScopedTransactions.Step work) throws Exception {
    transactions.asPlatform(work);
  }

  /**
   * Publishes a fee-free copy of the Meldebescheinigung in Musterstadt; returns its service key.
   */
  public String publishService() throws Exception {
    String serviceKey = "it.pay-" + UUID.randomUUID().toString().substring(0, 8);
    String template =
        DemoTemplates.load("/catalogue/templates/meldebescheinigung.json")
            .replace("\"demo.meldebescheinigung\"", "\"" + serviceKey + "\"")
            // Fee-free as submitted ("extended"): submission then opens no payment request, and
            // each test
            // creates the request it needs with the amount it wants.
            .replace("\"extended\": 1500", "\"extended\": 0");
    asPlatform(
        () -> {
          assertTrue(catalogue.addTemplate(template, "it").isDone());
          CatalogueOutcome adopted = catalogue.adoptTemplate(MUSTERSTADT, serviceKey, "it");
          UUID version = catalogue.openDraft(MUSTERSTADT, adopted.id(), "it").id();
          assertTrue(catalogue.publish(MUSTERSTADT, version, "it").isDone());
        });
    return serviceKey;
  }

  /**
   * A citizen submits the service; returns the application's id. Leaves the caller scope as that
   * citizen.
   */
  public UUID submit(String serviceKey, String citizen) throws Exception {
    caller.set(TenantScope.citizen(citizen));
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            serviceKey,
            null,
            0,
            json(
                "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"birthDate\":\"1964-08-12\"}"),
            1);
    assertTrue(one.isSaved(), one.problems()::toString);
    assertTrue(
        journey
            .saveStep(
                one.draftId(),
                null,
                null,
                null,
                1,
                json("{\"certificateType\":\"extended\",\"delivery\":\"mailbox\"}"),
                2)
            .isSaved());
    assertTrue(
        journey
            .saveStep(
                one.draftId(), null, null, null, 2, json("{\"email\":\"erika@example.org\"}"), 3)
            .isSaved());
    SubmissionOutcome submitted =
        journey.submit(one.draftId(), UUID.randomUUID().toString(), "erika@example.org", "de");
    assertEquals(SubmissionOutcome.Result.SUBMITTED, submitted.result());
    UUID[] id = new UUID[1];
    asPlatform(
        () ->
            id[0] =
                em.createQuery(
                        "select a.id from CaseApplication a where a.referenceNumber = :r",
                        UUID.class)
                    .setParameter("r", submitted.reference().toString())
                    .getSingleResult());
    return id[0];
  }

  /** An open payment request for the application, moved to PENDING by choosing SEPA transfer. */
  public PaymentRequest sepaPayment(UUID applicationId, String citizen, long cents)
      throws Exception {
    return payment(applicationId, citizen, cents, true);
  }

  /** An open payment request for which the citizen has chosen no method yet. */
  public PaymentRequest openPayment(UUID applicationId, String citizen, long cents)
      throws Exception {
    return payment(applicationId, citizen, cents, false);
  }

  private PaymentRequest payment(UUID applicationId, String citizen, long cents, boolean chooseSepa)
      throws Exception {
    PaymentReference reference =
        PaymentReference.withBody(
            "IT" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    PaymentRequest[] created = new PaymentRequest[1];
    asPlatform(
        () -> {
          Instant now = Instant.now();
          PaymentRequest p =
              new PaymentRequest(
                  UUID.randomUUID(),
                  MUSTERSTADT,
                  applicationId,
                  citizen,
                  reference,
                  cents,
                  LocalDate.now().plusDays(14),
                  now);
          payments.add(p);
          payments.addEvent(p.openedEvent(citizen));
          if (chooseSepa) {
            p.choose(PaymentMethod.SEPA_TRANSFER, null, null, now);
            payments.addEvent(
                p.moveTo(
                    PaymentState.PENDING,
                    "METHOD_CHOSEN",
                    cents,
                    "PORTAL",
                    null,
                    citizen,
                    "SEPA",
                    now));
          }
          created[0] = p;
        });
    return created[0];
  }

  /** The payment as stored now. */
  public PaymentRequest reload(UUID paymentId) throws Exception {
    PaymentRequest[] found = new PaymentRequest[1];
    asPlatform(
        () -> {
          em.clear();
          found[0] = payments.find(paymentId).orElseThrow();
        });
    return found[0];
  }

  public long count(String jpql, Object... params) throws Exception {
    long[] result = new long[1];
    asPlatform(
        () -> {
          var query = em.createQuery(jpql, Long.class);
          for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
          }
          result[0] = query.getSingleResult();
        });
    return result[0];
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }
}
