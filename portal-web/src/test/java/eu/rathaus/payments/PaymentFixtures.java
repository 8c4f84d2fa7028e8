package eu.rathaus.payments;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.web.it.ItJourneys;
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
 * of a fee-free service ({@link ItJourneys}), and each test creates the payment request it needs,
 * with the amount it wants, through the entity and repository — open, or moved to PENDING as a
 * citizen choosing SEPA transfer would.
 */
@ApplicationScoped
public class PaymentFixtures {

  public static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  public static final UUID BEISPIELHEIM = ItJourneys.BEISPIELHEIM;
  public static final String MUSTERSTADT_IBAN = "DE02120300000000202051";

  @Inject ItJourneys journeys;
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
    // Fee-free as submitted ("extended"): submission then opens no payment request, and each test
    // creates the request it needs with the amount it wants.
    return journeys
        .publish(
            "meldebescheinigung",
            "it.pay-",
            template -> template.replace("\"extended\": 1500", "\"extended\": 0"))
        .serviceKey();
  }

  /**
   * A citizen submits the service; returns the application's id. Leaves the caller scope as that
   * citizen.
   */
  public UUID submit(String serviceKey, String citizen) throws Exception {
    caller.set(TenantScope.citizen(citizen));
    return journeys.applicationOf(
        journeys.submitMeldebescheinigung(
            serviceKey, "Mustermann", "erika@example.org", "erika@example.org", null));
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
}
