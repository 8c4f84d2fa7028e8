package eu.rathaus.registers.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.registers.residents.application.CertificateDesk;
import eu.rathaus.registers.residents.application.CertificateVerification;
import eu.rathaus.registers.residents.domain.CertificateKind;
import eu.rathaus.registers.residents.domain.CertificateRules.Decision;
import eu.rathaus.registers.residents.infrastructure.DemoResidentRows;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.PdfText;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Meldebescheinigung at once against the real database: a citizen's application of
 * Musterstadt's certificate service waits for its fee, then is issued from her own register record
 * without a clerk (PDF with the verification code, stored once, the same on every request), the
 * code verifies anonymously without personal data; a blocked record or no record stays with the
 * clerks (audited), another citizen never gets the certificate, and below level substantial the
 * register is not even read. Each test writes its own resident with its own eID pseudonym.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final String SERVICE = "demo.meldebescheinigung";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(CertificateIT.class);
  }

  @Inject CertificateDesk desk;
  @Inject CertificateVerification verification;
  @Inject DemoResidentRows rows;
  @Inject ItJourneys journeys;
  @Inject PaymentRepository payments;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  /** A resident of Musterstadt linked to a new pseudonym; blocked if asked. */
  private String resident(String familyName, boolean blocked) throws Exception {
    String pseudonym = "eid.it-" + UUID.randomUUID();
    UUID id = UUID.randomUUID();
    transactions.asPlatform(
        () -> {
          rows.person(id, MUSTERSTADT, "Erika", familyName, "1964-08-12", "Berlin", pseudonym);
          rows.address(
              id, MUSTERSTADT, "Heidestraße", "17", "91099", "Musterstadt", "2011-04-01", null);
          if (blocked) {
            em.createNativeQuery(
                    "insert into resident_block (id, municipality_id, resident_id, kind, reason, since)"
                        + " values (?1, ?2, ?3, 'AUSKUNFTSSPERRE', 'it', date '2020-01-01')")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, MUSTERSTADT)
                .setParameter(3, id)
                .executeUpdate();
          }
        });
    return pseudonym;
  }

  /** The citizen submits a simple certificate; returns the application id. */
  private UUID submit(String citizen) throws Exception {
    caller.set(TenantScope.citizen(citizen));
    return journeys.applicationOf(
        journeys.submitMeldebescheinigung(
            SERVICE, "simple", "Mustermann", "erika@example.org", null, null));
  }

  /** The fee arrives (SEPA transfer matched), as the treasury would book it. */
  private void pay(UUID application) throws Exception {
    transactions.asPlatform(
        () -> {
          PaymentRequest p = payments.forApplication(application).orElseThrow();
          Instant now = Instant.now();
          p.choose(PaymentMethod.SEPA_TRANSFER, null, null, now);
          payments.addEvent(
              p.moveTo(
                  PaymentState.PENDING, "METHOD_CHOSEN", null, "PORTAL", null, "it", "SEPA", now));
          payments.addEvent(p.markPaid(p.amountCents(), "IT_PAID", "IT", null, "it", now));
        });
  }

  private Optional<CertificateDesk.Outcome> request(
      String citizen, UUID application, String pseudonym, boolean substantial) {
    caller.set(TenantScope.citizen(citizen));
    return desk.request(application, pseudonym, substantial, Locale.GERMAN);
  }

  private long audited(String action, String subject) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            ((Number)
                    em.createNativeQuery(
                            "select count(*) from audit_entry where action = ?1 and subject_id = ?2")
                        .setParameter(1, action)
                        .setParameter(2, subject)
                        .getSingleResult())
                .longValue());
  }

  private String caseStatus(UUID application) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            (String)
                em.createNativeQuery("select status from case_record where application_id = ?1")
                    .setParameter(1, application)
                    .getSingleResult());
  }

  private long closedAsIssued(UUID application) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            ((Number)
                    em.createNativeQuery(
                            "select count(*) from case_event e join case_record c on c.id = e.case_id"
                                + " where c.application_id = ?1 and e.kind = 'ISSUED'"
                                + " and e.to_status = 'CLOSED' and e.citizen_visible")
                        .setParameter(1, application)
                        .getSingleResult())
                .longValue());
  }

  @Test
  void issuedAtOnceWhenPaidThenTheSameOnEveryRequestAndVerifiableAnonymously() throws Exception {
    String family = "Zqx" + UUID.randomUUID().toString().substring(0, 8);
    String pseudonym = resident(family, false);
    String citizen = "it-cert-" + UUID.randomUUID();
    UUID application = submit(citizen);

    assertEquals(
        Decision.FEE_OPEN, request(citizen, application, pseudonym, true).orElseThrow().decision());
    assertEquals("SUBMITTED", caseStatus(application), "an open fee leaves the case open");

    pay(application);
    CertificateDesk.Outcome issued = request(citizen, application, pseudonym, true).orElseThrow();
    assertEquals(Decision.ISSUE, issued.decision());
    CertificateDesk.Issued certificate = issued.certificate().orElseThrow();
    assertEquals(CertificateKind.SIMPLE, certificate.kind());
    String text = PdfText.of(certificate.pdf());
    assertTrue(text.contains(family), "the PDF names the resident");
    assertTrue(text.contains("Heidestraße 17, 91099 Musterstadt"), text);
    assertTrue(text.contains(certificate.code()), "the PDF carries its code");
    assertFalse(text.contains("Berlin"), "a simple certificate states no birth place");
    assertTrue(PdfText.imagesOnPage(certificate.pdf(), 1) >= 1, "the QR code");

    assertEquals("CLOSED", caseStatus(application), "the issued certificate closes its case");
    assertEquals(1, closedAsIssued(application), "one timeline entry the citizen sees");

    CertificateDesk.Outcome again = request(citizen, application, pseudonym, true).orElseThrow();
    assertEquals(certificate.code(), again.certificate().orElseThrow().code());
    assertEquals(1, closedAsIssued(application), "asking again closes nothing twice");
    assertEquals(1, audited("register.certificate.issue", certificate.id().toString()));

    caller.set(null);
    CertificateDesk.Verification verified =
        verification.verify(certificate.code().toLowerCase(Locale.ROOT)).orElseThrow();
    assertEquals(CertificateKind.SIMPLE, verified.kind());
    assertTrue(verified.municipality().contains("Musterstadt"), verified.municipality());
    assertTrue(verification.verify("2222-2222-2222").isEmpty());
    assertTrue(verification.verify("kein code").isEmpty());

    assertTrue(
        request("it-cert-other-" + UUID.randomUUID(), application, pseudonym, true).isEmpty(),
        "another citizen gets nothing of this application");
  }

  @Test
  void aBlockedRecordOrNoRecordStaysWithTheClerks() throws Exception {
    String blocked = resident("Zqx" + UUID.randomUUID().toString().substring(0, 8), true);
    String citizen = "it-cert-" + UUID.randomUUID();
    UUID application = submit(citizen);
    pay(application);

    CertificateDesk.Outcome outcome = request(citizen, application, blocked, true).orElseThrow();
    assertEquals(Decision.TO_CLERK_BLOCKED, outcome.decision());
    assertTrue(outcome.certificate().isEmpty());
    assertEquals("SUBMITTED", caseStatus(application), "the clerks still have the case");
    assertEquals(
        Decision.TO_CLERK_NOT_IN_REGISTER,
        request(citizen, application, "eid.it-unknown-" + UUID.randomUUID(), true)
            .orElseThrow()
            .decision());
    assertEquals(2, audited("register.certificate.referred", application.toString()));
  }

  @Test
  void belowSubstantialTheRegisterIsNotRead() throws Exception {
    String pseudonym = resident("Zqx" + UUID.randomUUID().toString().substring(0, 8), false);
    String citizen = "it-cert-" + UUID.randomUUID();
    UUID application = submit(citizen);
    pay(application);

    assertEquals(
        Decision.LEVEL_TOO_LOW,
        request(citizen, application, pseudonym, false).orElseThrow().decision());
    long reads =
        transactions.call(
            TenantScope.platform("it"),
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from audit_entry where action = 'register.resident.read.self'"
                                    + " and actor = ?1")
                            .setParameter(1, citizen)
                            .getSingleResult())
                    .longValue());
    assertEquals(0, reads);
  }
}
