package eu.rathaus.payments;

import static eu.rathaus.payments.PaymentFixtures.BEISPIELHEIM;
import static eu.rathaus.payments.PaymentFixtures.MUSTERSTADT;
import static eu.rathaus.payments.PaymentFixtures.MUSTERSTADT_IBAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.application.StatementImport;
import eu.rathaus.payments.application.Treasury;
import eu.rathaus.payments.domain.ClarificationReason;
import eu.rathaus.payments.domain.PaymentEvent;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.payments.domain.StatementRefused;
import eu.rathaus.web.it.CamtFiles;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
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
 * camt.053 import against the real database: exact matches are paid through the state machine with
 * both events, a second import is refused and books nothing twice, doubtful entries land in the
 * clarification list, wrong accounts and broken files are refused with nothing stored, and
 * Beispielheim's treasury sees nothing of Musterstadt's (service layer and row-level security).
 */
@ExtendWith(ArquillianExtension.class)
class StatementImportIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(StatementImportIT.class, PaymentFixtures.class, CamtFiles.class);
  }

  @Inject PaymentFixtures fixtures;
  @Inject StatementImport statementImport;
  @Inject Treasury treasury;
  @Inject PaymentRepository payments;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private String serviceKey;
  private String citizen;

  @BeforeEach
  void publish() throws Exception {
    serviceKey = fixtures.publishService();
    citizen = "it-payer-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private PaymentRequest pendingPayment(long cents) throws Exception {
    UUID application = fixtures.submit(serviceKey, citizen);
    return fixtures.sepaPayment(application, citizen, cents);
  }

  private void asMusterstadtAdmin() {
    caller.set(TenantScope.staff(MUSTERSTADT, "it-moritz"));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  @Test
  void exactMatchesArePaidAndASecondImportIsRefusedWithoutDoubleBooking() throws Exception {
    PaymentRequest exact = pendingPayment(3000);
    PaymentRequest under = pendingPayment(2500);
    PaymentRequest over = pendingPayment(1200);
    String bankRef = unique("B");
    String donation = unique("Spende ohne Kassenzeichen");
    CamtFiles file =
        CamtFiles.statement(unique("STMT"), MUSTERSTADT_IBAN)
            .credit(bankRef, 3000, exact.referenceValue())
            .creditWithText(
                unique("B"), 2000, "Gebühr " + under.reference().printed().toLowerCase())
            .credit(unique("B"), 1500, over.referenceValue())
            .creditWithText(unique("B"), 999, donation)
            .debit(unique("B"), 400);

    asMusterstadtAdmin();
    StatementImport.Result result = statementImport.importFile("auszug.xml", file.bytes());

    assertEquals(5, result.entries());
    assertEquals(1, result.matched());
    assertEquals(3, result.clarifications());
    assertEquals(1, result.ignoredDebits());

    PaymentRequest paid = fixtures.reload(exact.id());
    assertEquals(PaymentState.PAID, paid.state());
    assertEquals(3000, paid.paidCents());
    assertEquals(PaymentState.PENDING, fixtures.reload(under.id()).state());
    assertEquals(PaymentState.PENDING, fixtures.reload(over.id()).state());
    List<PaymentEvent> events = events(exact.id());
    PaymentEvent last = events.get(events.size() - 1);
    assertEquals(PaymentState.PAID, last.toState());
    assertEquals("CAMT053", last.source());
    assertEquals(bankRef, last.externalId());

    // The same file again, and the same statement id in a different file: refused, nothing booked
    // twice.
    asMusterstadtAdmin();
    StatementRefused again =
        assertThrows(
            StatementRefused.class, () -> statementImport.importFile("auszug.xml", file.bytes()));
    assertEquals(StatementRefused.Reason.ALREADY_IMPORTED, again.reason());
    // The page's entry point answers the same refusal as an outcome, not as an exception.
    StatementImport.Outcome uploadedAgain = statementImport.upload("auszug.xml", file.bytes());
    assertEquals(StatementRefused.Reason.ALREADY_IMPORTED, uploadedAgain.refusal());
    assertNull(uploadedAgain.result());
    byte[] sameStatementOtherBytes =
        (file.xml() + "<!-- erneut geliefert -->").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        StatementRefused.Reason.ALREADY_IMPORTED,
        assertThrows(
                StatementRefused.class,
                () -> statementImport.importFile("kopie.xml", sameStatementOtherBytes))
            .reason());
    assertEquals(
        1,
        fixtures.count(
            "select count(e) from PaymentEvent e where e.paymentId = ?1 and e.toState = ?2",
            exact.id(),
            PaymentState.PAID));

    // An overlapping statement (other id) carrying the same bank transaction: recognised, not
    // booked again.
    asMusterstadtAdmin();
    StatementImport.Result overlap =
        statementImport.importFile(
            "overlap.xml",
            CamtFiles.statement(unique("STMT"), MUSTERSTADT_IBAN)
                .credit(bankRef, 3000, exact.referenceValue())
                .bytes());
    assertEquals(0, overlap.matched());
    assertEquals(1, overlap.alreadyBooked());
    assertEquals(
        1,
        fixtures.count(
            "select count(e) from PaymentEvent e where e.paymentId = ?1 and e.toState = ?2",
            exact.id(),
            PaymentState.PAID));

    // The clarification list names why, and resolving needs a note.
    asMusterstadtAdmin();
    List<Treasury.ClarificationRow> open =
        treasury.clarifications().stream()
            .filter(c -> c.status() == eu.rathaus.payments.domain.Clarification.Status.OPEN)
            .filter(
                c ->
                    c.creditorReference() != null
                            && List.of(under.referenceValue(), over.referenceValue())
                                .contains(c.creditorReference())
                        || donation.equals(c.remittance()))
            .toList();
    assertEquals(
        List.of(
            ClarificationReason.UNKNOWN_REFERENCE,
            ClarificationReason.UNDERPAID,
            ClarificationReason.OVERPAID),
        open.stream().map(Treasury.ClarificationRow::reason).sorted().toList());
    UUID first = open.get(0).id();
    assertThrows(IllegalArgumentException.class, () -> treasury.resolve(first, " "));
    treasury.resolve(first, "Differenz beim Bürger angefordert");
    assertTrue(
        treasury.clarifications().stream()
            .anyMatch(
                c ->
                    c.id().equals(first)
                        && c.status() == eu.rathaus.payments.domain.Clarification.Status.RESOLVED
                        && "it-moritz".equals(c.resolvedBy())));

    // The overview counts the paid payment; its period is today.
    Treasury.Overview overview =
        treasury.payments(
            LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), PaymentState.PAID);
    assertTrue(overview.rows().stream().anyMatch(r -> r.id().equals(exact.id())));
    assertTrue(
        overview.totals().stream()
            .anyMatch(
                t -> t.state() == PaymentState.PAID && t.count() >= 1 && t.sumCents() >= 3000));
  }

  @Test
  void anOpenPaymentPaidByTransferGoesThroughPendingToPaid() throws Exception {
    PaymentRequest open = fixtures.openPayment(fixtures.submit(serviceKey, citizen), citizen, 1800);
    String bankRef = unique("B");

    asMusterstadtAdmin();
    assertEquals(
        1,
        statementImport
            .importFile(
                "offen.xml",
                CamtFiles.statement(unique("STMT"), MUSTERSTADT_IBAN)
                    .credit(bankRef, 1800, open.referenceValue())
                    .bytes())
            .matched());

    PaymentRequest paid = fixtures.reload(open.id());
    assertEquals(PaymentState.PAID, paid.state());
    assertEquals(eu.rathaus.payments.domain.PaymentMethod.SEPA_TRANSFER, paid.method());
    // PENDING and PAID are booked in the same instant; order them as the state machine does.
    List<PaymentEvent> events =
        events(open.id()).stream()
            .sorted(java.util.Comparator.comparing(PaymentEvent::toState))
            .toList();
    assertEquals(
        List.of(PaymentState.OPEN, PaymentState.PENDING, PaymentState.PAID),
        events.stream().map(PaymentEvent::toState).toList());
    assertEquals(
        List.of("PORTAL", "CAMT053", "CAMT053"),
        events.stream().map(PaymentEvent::source).toList());
    assertEquals(bankRef, events.get(2).externalId());
  }

  @Test
  void aStatementOfAnotherAccountOrABrokenFileIsRefusedAndNothingIsStored() throws Exception {
    PaymentRequest p = pendingPayment(3000);
    long statementsBefore = fixtures.count("select count(s) from ImportedStatement s");

    asMusterstadtAdmin();
    StatementRefused wrongAccount =
        assertThrows(
            StatementRefused.class,
            () ->
                statementImport.importFile(
                    "fremd.xml",
                    CamtFiles.statement(unique("STMT"), "DE89370400440532013000")
                        .credit(unique("B"), 3000, p.referenceValue())
                        .bytes()));
    assertEquals(StatementRefused.Reason.WRONG_ACCOUNT, wrongAccount.reason());

    String broken =
        CamtFiles.statement(unique("STMT"), MUSTERSTADT_IBAN)
            .credit(unique("B"), 3000, p.referenceValue())
            .xml()
            .replace("</Stmt>", "");
    StatementRefused malformed =
        assertThrows(
            StatementRefused.class,
            () ->
                statementImport.importFile("kaputt.xml", broken.getBytes(StandardCharsets.UTF_8)));
    assertEquals(StatementRefused.Reason.MALFORMED, malformed.reason());

    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>";
    StatementRefused unsafe =
        assertThrows(
            StatementRefused.class,
            () -> statementImport.importFile("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8)));
    assertEquals(StatementRefused.Reason.UNSAFE_XML, unsafe.reason());
    assertEquals(
        StatementRefused.Reason.EMPTY_FILE,
        statementImport.upload("leer.xml", new byte[0]).refusal());

    assertEquals(statementsBefore, fixtures.count("select count(s) from ImportedStatement s"));
    assertEquals(PaymentState.PENDING, fixtures.reload(p.id()).state());
  }

  @Test
  void beispielheimSeesNothingOfMusterstadtsTreasury() throws Exception {
    PaymentRequest p = pendingPayment(3000);
    asMusterstadtAdmin();
    StatementImport.Result result =
        statementImport.importFile(
            "auszug.xml",
            CamtFiles.statement(unique("STMT"), MUSTERSTADT_IBAN)
                .credit(unique("B"), 3000, p.referenceValue())
                .creditWithText(unique("B"), 100, "unbekannt")
                .bytes());
    assertEquals(1, result.matched());

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-berta"));
    Treasury.Overview overview = treasury.payments(null, null, null);
    assertFalse(overview.rows().stream().anyMatch(r -> r.reference().equals(p.referenceValue())));
    assertTrue(
        treasury.clarifications().stream().noneMatch(c -> "unbekannt".equals(c.remittance())));
    assertTrue(
        treasury.recentImports().stream().noneMatch(s -> s.id().equals(result.statementId())));
    // Beispielheim uploading Musterstadt's statement: not its account.
    StatementRefused refused =
        assertThrows(
            StatementRefused.class,
            () ->
                statementImport.importFile(
                    "x.xml",
                    CamtFiles.statement(unique("STMT"), MUSTERSTADT_IBAN)
                        .credit(unique("B"), 3000, p.referenceValue())
                        .bytes()));
    assertEquals(StatementRefused.Reason.WRONG_ACCOUNT, refused.reason());

    // Row-level security: the same questions in SQL, as Beispielheim's staff and as a citizen.
    for (TenantScope outsider :
        List.of(TenantScope.staff(BEISPIELHEIM, "it-berta"), TenantScope.citizen(citizen))) {
      transactions.run(
          outsider,
          () -> {
            for (String table :
                List.of("bank_statement", "bank_statement_entry", "payment_clarification")) {
              Number n =
                  (Number)
                      em.createNativeQuery(
                              "select count(*) from " + table + " where municipality_id = ?1")
                          .setParameter(1, MUSTERSTADT)
                          .getSingleResult();
              assertEquals(0L, n.longValue(), table + " as " + outsider.kind());
            }
          });
    }
  }

  private List<PaymentEvent> events(UUID paymentId) throws Exception {
    @SuppressWarnings("unchecked")
    List<PaymentEvent>[] found = new List[1];
    fixtures.asPlatform(() -> found[0] = payments.events(paymentId));
    return found[0];
  }
}
