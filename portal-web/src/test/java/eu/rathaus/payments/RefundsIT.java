package eu.rathaus.payments;

import static eu.rathaus.payments.PaymentFixtures.BEISPIELHEIM;
import static eu.rathaus.payments.PaymentFixtures.MUSTERSTADT;
import static eu.rathaus.payments.PaymentFixtures.MUSTERSTADT_IBAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.application.Refunds;
import eu.rathaus.payments.application.StatementImport;
import eu.rathaus.payments.domain.PaymentRefund;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.web.it.CamtFiles;
import eu.rathaus.web.it.Deployments;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refunds from the treasury: a partial refund, then the rest, never more than was paid, always with
 * a reason; SEPA-paid money goes back as a pain.001 transfer to the account it came from.
 */
@ExtendWith(ArquillianExtension.class)
class RefundsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(RefundsIT.class, PaymentFixtures.class, CamtFiles.class);
  }

  @Inject PaymentFixtures fixtures;
  @Inject StatementImport statementImport;
  @Inject Refunds refunds;
  @Inject CallerScope caller;

  private PaymentRequest paidBySepa(long cents) throws Exception {
    String citizen = "it-refund-" + UUID.randomUUID().toString().substring(0, 8);
    UUID application = fixtures.submit(fixtures.publishService(), citizen);
    PaymentRequest p = fixtures.sepaPayment(application, citizen, cents);
    caller.set(TenantScope.staff(MUSTERSTADT, "it-moritz"));
    String id = UUID.randomUUID().toString().substring(0, 12);
    assertEquals(
        1,
        statementImport
            .importFile(
                "a.xml",
                CamtFiles.statement("STMT-" + id, MUSTERSTADT_IBAN)
                    .credit("B-" + id, cents, p.referenceValue())
                    .bytes())
            .matched());
    return p;
  }

  @Test
  void aPartialRefundThenTheRestAndNeverMore() throws Exception {
    PaymentRequest p = paidBySepa(3000);

    caller.set(TenantScope.staff(MUSTERSTADT, "it-moritz"));
    assertEquals(Refunds.Refusal.REASON_MISSING, refunds.refund(p.id(), 1000, "  ").refusal());
    assertEquals(
        Refunds.Refusal.AMOUNT_INVALID,
        refunds.refund(p.id(), 0, "Antrag zurückgenommen").refusal());
    assertEquals(
        Refunds.Refusal.TOO_MUCH, refunds.refund(p.id(), 3001, "Antrag zurückgenommen").refusal());

    Refunds.Outcome partial = refunds.refund(p.id(), 1000, "Teilweise zurückgenommen");
    assertTrue(partial.isDone());
    PaymentRequest afterPartial = fixtures.reload(p.id());
    assertEquals(PaymentState.REFUNDED, afterPartial.state());
    assertEquals(1000, afterPartial.refundedCents());

    assertEquals(Refunds.Refusal.TOO_MUCH, refunds.refund(p.id(), 2001, "Rest").refusal());
    assertTrue(refunds.refund(p.id(), 2000, "Rest erstattet").isDone());
    assertEquals(3000, fixtures.reload(p.id()).refundedCents());
    assertEquals(Refunds.Refusal.TOO_MUCH, refunds.refund(p.id(), 1, "noch einmal").refusal());

    assertEquals(2, refunds.refunds(p.id()).size());
    assertTrue(
        refunds.refunds(p.id()).stream()
            .allMatch(
                r -> r.channel() == PaymentRefund.Channel.SEPA_INSTRUCTION && r.transferFile()));
    assertEquals(
        2,
        fixtures.count(
            "select count(e) from PaymentEvent e where e.paymentId = ?1 and e.toState = ?2",
            p.id(),
            PaymentState.REFUNDED));

    // The transfer file goes from the payee account back to the payer's account.
    String xml =
        new String(
            refunds.transferFile(partial.refundId()).orElseThrow().content(),
            StandardCharsets.UTF_8);
    assertTrue(xml.contains("pain.001.001.03"), xml);
    assertTrue(xml.contains("<IBAN>DE89370400440532013000</IBAN>"), xml);
    assertTrue(xml.contains("<IBAN>" + MUSTERSTADT_IBAN + "</IBAN>"), xml);
    assertTrue(xml.contains("10.00"), xml);
  }

  @Test
  void anUnpaidOrForeignPaymentCannotBeRefunded() throws Exception {
    String citizen = "it-refund-" + UUID.randomUUID().toString().substring(0, 8);
    PaymentRequest pending =
        fixtures.sepaPayment(fixtures.submit(fixtures.publishService(), citizen), citizen, 1500);

    caller.set(TenantScope.staff(MUSTERSTADT, "it-moritz"));
    assertEquals(Refunds.Refusal.NOT_PAID, refunds.refund(pending.id(), 100, "Versehen").refusal());

    PaymentRequest paid = paidBySepa(1500);
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-berta"));
    assertThrows(NoSuchElementException.class, () -> refunds.refund(paid.id(), 100, "fremd"));
    assertTrue(refunds.transferFile(UUID.randomUUID()).isEmpty());
  }
}
