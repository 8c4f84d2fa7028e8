package eu.rathaus.registers.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.launcher.LocalRegisterService;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.registers.residents.application.CertificateDesk;
import eu.rathaus.registers.residents.application.OwnRecord;
import eu.rathaus.registers.residents.domain.CertificateRules.Decision;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.PdfText;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal configured with the HTTP adapter of the resident register ({@code
 * RATHAUS_REGISTER_URL}, set here as a system property of the test server, read at every call): the
 * register service double of the test stack ({@link LocalRegisterService}, started by the launcher
 * next to the payment sandbox) answers, and a Meldebescheinigung is issued at once from a person
 * only the double knows; the citizen's own record for a prefill (address and household) comes from
 * it too; a blocked person stays with the clerks. With the service down, or outside the residency
 * policy, the request fails with {@link RegisterUnavailable} and nothing is written: no
 * certificate, no audit entry of an issue or referral; asked again once the service is back, the
 * certificate is issued.
 */
@ExtendWith(ArquillianExtension.class)
class RegisterServiceIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final String SERVICE = "demo.meldebescheinigung";

  /** The double's test port (StackConfig.forTests: RATHAUS_REGISTER_SERVICE_PORT of the tests). */
  private static final String DOUBLE = "http://localhost:18580";

  private static final String DORA = "eid.register-double-dora";
  private static final String BRUNO = "eid.register-double-bruno";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(RegisterServiceIT.class);
  }

  @Inject CertificateDesk desk;
  @Inject OwnRecord ownRecord;
  @Inject ItJourneys journeys;
  @Inject PaymentRepository payments;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @BeforeEach
  void useTheRegisterService() {
    System.setProperty("RATHAUS_REGISTER_URL", DOUBLE);
    System.setProperty("RATHAUS_REGISTER_CLIENT_ID", LocalRegisterService.CLIENT_ID);
    System.setProperty("RATHAUS_REGISTER_CLIENT_SECRET", LocalRegisterService.CLIENT_SECRET);
    System.setProperty("RATHAUS_REGISTER_TIMEOUT_MS", "2000");
  }

  @AfterEach
  void builtInRegisterAgain() {
    caller.set(null);
    for (String key :
        new String[] {
          "RATHAUS_REGISTER_URL",
          "RATHAUS_REGISTER_CLIENT_ID",
          "RATHAUS_REGISTER_CLIENT_SECRET",
          "RATHAUS_REGISTER_TIMEOUT_MS",
          "RATHAUS_RESIDENCY_HOSTS"
        }) {
      System.clearProperty(key);
    }
  }

  /** A paid application of the certificate service by a new citizen. */
  private UUID paidApplication(String citizen) throws Exception {
    caller.set(TenantScope.citizen(citizen));
    UUID application =
        journeys.applicationOf(
            journeys.submitMeldebescheinigung(
                SERVICE, "simple", "Dienst", "dora@example.org", null, null));
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
    return application;
  }

  private long count(String sql, Object parameter) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
                .longValue());
  }

  private long certificates(UUID application) throws Exception {
    return count(
        "select count(*) from resident_certificate where application_id = ?1", application);
  }

  /** Register reads, issues and referrals the citizen caused (all audited as register.*). */
  private long registerAudits(String citizen) throws Exception {
    return count(
        "select count(*) from audit_entry where actor = ?1 and action like 'register.%'", citizen);
  }

  private CertificateDesk.Outcome request(String citizen, UUID application, String pseudonym) {
    caller.set(TenantScope.citizen(citizen));
    return desk.request(application, pseudonym, true, Locale.GERMAN).orElseThrow();
  }

  @Test
  void aCertificateIsIssuedAtOnceFromAPersonOnlyTheRegisterServiceKnows() throws Exception {
    String citizen = "it-regsvc-" + UUID.randomUUID();
    UUID application = paidApplication(citizen);

    CertificateDesk.Outcome issued = request(citizen, application, DORA);

    assertEquals(Decision.ISSUE, issued.decision());
    String text = PdfText.of(issued.certificate().orElseThrow().pdf());
    assertTrue(text.contains("Familienname Dienst") && text.contains("Vornamen Dora"), text);
    assertTrue(text.contains("Brunnengasse 5a, 91099 Musterstadt"), text);
    assertEquals(1, certificates(application));
  }

  @Test
  void theOwnRecordForAPrefillComesFromTheServiceWithItsHousehold() {
    caller.set(TenantScope.citizen("it-regsvc-" + UUID.randomUUID()));
    Resident dora = ownRecord.read(MUSTERSTADT, DORA, "prefill it").orElseThrow();
    assertEquals("Brunnengasse 5a", dora.mainResidence().orElseThrow().streetLine());
    assertEquals("Bruno Sperre", dora.household().get(0).name());
    assertTrue(ownRecord.read(MUSTERSTADT, "eid.nobody-" + UUID.randomUUID(), "it").isEmpty());
  }

  @Test
  void aBlockedPersonOfTheServiceStaysWithTheClerks() throws Exception {
    String citizen = "it-regsvc-" + UUID.randomUUID();
    UUID application = paidApplication(citizen);
    assertEquals(Decision.TO_CLERK_BLOCKED, request(citizen, application, BRUNO).decision());
    assertEquals(0, certificates(application));
  }

  @Test
  void withTheServiceDownNothingIsWrittenAndLaterItIsIssued() throws Exception {
    String citizen = "it-regsvc-" + UUID.randomUUID();
    UUID application = paidApplication(citizen);
    System.setProperty("RATHAUS_REGISTER_URL", "http://localhost:9");

    RegisterUnavailable down =
        assertThrows(RegisterUnavailable.class, () -> request(citizen, application, DORA));
    assertEquals(RegisterUnavailable.Cause.UNREACHABLE, down.reason());
    assertEquals(0, certificates(application));
    assertEquals(0, registerAudits(citizen));

    System.setProperty("RATHAUS_REGISTER_URL", DOUBLE);
    assertEquals(Decision.ISSUE, request(citizen, application, DORA).decision());
    assertEquals(1, certificates(application));
  }

  @Test
  void aServiceOutsideTheResidencyPolicyIsNeverCalled() throws Exception {
    String citizen = "it-regsvc-" + UUID.randomUUID();
    UUID application = paidApplication(citizen);
    System.setProperty("RATHAUS_RESIDENCY_HOSTS", "*.rathaus-cloud.example");
    System.setProperty("RATHAUS_REGISTER_URL", "https://register.elsewhere.example");

    RegisterUnavailable refused =
        assertThrows(RegisterUnavailable.class, () -> request(citizen, application, DORA));
    assertEquals(RegisterUnavailable.Cause.OUTSIDE_RESIDENCY, refused.reason());
    assertEquals(0, certificates(application));
  }
}
