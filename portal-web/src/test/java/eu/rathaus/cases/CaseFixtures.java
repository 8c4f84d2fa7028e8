package eu.rathaus.cases;

import eu.rathaus.cases.domain.CaseRecord;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Test data for the case ITs, made through the real use cases: a fresh service of Musterstadt (own
 * key, so assertions can filter by it and ignore other tests' cases) and applications submitted by
 * citizens, each of which opens a case. Runs inside the server (no launcher types).
 */
final class CaseFixtures {

  static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  static final UUID BEISPIELHEIM = ItJourneys.BEISPIELHEIM;

  private final ItJourneys journeys;
  private final CallerScope caller;
  private final ScopedTransactions transactions;
  private final EntityManager em;

  final String suffix = UUID.randomUUID().toString().substring(0, 8);
  String serviceKey;
  UUID definitionId;

  CaseFixtures(
      ItJourneys journeys, CallerScope caller, ScopedTransactions transactions, EntityManager em) {
    this.journeys = journeys;
    this.caller = caller;
    this.transactions = transactions;
    this.em = em;
  }

  /**
   * The applicant's fee arrives: the payment request opened on submission moves OPEN → PENDING →
   * PAID as a matched bank transfer would move it.
   */
  void payFee(UUID caseId) throws Exception {
    asPlatform(
        () -> {
          UUID application = em.find(CaseRecord.class, caseId).applicationId();
          PaymentRequest payment =
              em.createQuery(
                      "select p from PaymentRequest p where p.applicationId = :a",
                      PaymentRequest.class)
                  .setParameter("a", application)
                  .getSingleResult();
          Instant now = Instant.now();
          em.persist(
              payment.moveTo(
                  PaymentState.PENDING, "METHOD_CHOSEN", null, "PORTAL", null, "it", "SEPA", now));
          em.persist(
              payment.markPaid(
                  payment.amountCents(),
                  "BANK_STATEMENT_MATCHED",
                  "CAMT053",
                  "it-" + UUID.randomUUID(),
                  "it",
                  now));
        });
  }

  /** Publishes a copy of the Meldebescheinigung (5 processing days) for Musterstadt. */
  CaseFixtures publishService() throws Exception {
    ItJourneys.Published published = journeys.publish("meldebescheinigung", "it.case-");
    serviceKey = published.serviceKey();
    definitionId = published.definitionId();
    return this;
  }

  /**
   * A citizen submits an application; returns the new case's id. The caller scope is left
   * anonymous.
   */
  UUID submit(String citizenSubject, String citizenName) throws Exception {
    return submit(citizenSubject, citizenName, null, "de");
  }

  /**
   * As {@link #submit(String, String)}, in the portal language {@code language}; with an address
   * the submission is confirmed by mail (and later mails about the case go there too).
   */
  UUID submit(String citizenSubject, String citizenName, String email, String language)
      throws Exception {
    caller.set(TenantScope.citizen(citizenSubject));
    try {
      // The form's notification address is the one given (or a placeholder), as a citizen types it.
      return journeys.caseOf(
          journeys.submitMeldebescheinigung(
              serviceKey,
              "extended",
              "Mustermann",
              email == null ? "it@example.org" : email,
              email,
              citizenName,
              language));
    } finally {
      caller.set(null);
    }
  }

  /**
   * Runs {@code work} in one transaction in the platform scope (sees and may change everything).
   */
  void asPlatform(ScopedTransactions.Step work) throws Exception {
    in(TenantScope.platform("it"), work);
  }

  /**
   * Runs {@code work} in one transaction with the database scope set to {@code scope} (for RLS
   * checks).
   */
  void in(TenantScope scope, ScopedTransactions.Step work) throws Exception {
    transactions.run(scope, work);
  }

  /** A native count in the given database scope — what row-level security lets through. */
  long count(TenantScope scope, String sql, Object... params) throws Exception {
    long[] result = new long[1];
    in(
        scope,
        () -> {
          var query = em.createNativeQuery(sql);
          for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
          }
          result[0] = ((Number) query.getSingleResult()).longValue();
        });
    return result[0];
  }

  /** How many audit entries with this action, subject and actor exist. */
  long audits(String action, UUID caseId, String actor) throws Exception {
    return count(
        TenantScope.platform("it"),
        "select count(*) from audit_entry where action = ?1 and subject_id = ?2 and actor = ?3",
        action,
        caseId.toString(),
        actor);
  }
}
