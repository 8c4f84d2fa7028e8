package eu.rathaus.web.it;

import eu.rathaus.payments.domain.PaymentReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * For browser tests, which run outside the server: a submitted application of a published service
 * and its SEPA payment request in state PENDING, written as the portal would store them (the
 * application row, the payment request, its OPENED and METHOD_CHOSEN events). Until the PAYMENTS
 * part opens payment requests on submission this stands in for a citizen choosing to pay by
 * transfer.
 */
public final class PaymentRows {

  private PaymentRows() {}

  /** Returns the payment's Kassenzeichen. */
  public static String pendingSepaPayment(String serviceKey, String municipalitySlug, long cents)
      throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String referenceNumber = "UIT-2026-" + String.format("%06d", random.nextInt(1_000_000));
    PaymentReference reference =
        PaymentReference.withBody("UI" + random.nextLong(1_000_000_000L, 9_999_999_999L));
    UUID application = UUID.randomUUID();
    UUID payment = UUID.randomUUID();
    String citizen = "ui-sepa-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      try (PreparedStatement a =
              c.prepareStatement(
                  "insert into case_application (id, reference_number, municipality_id, definition_id, version_id,"
                      + " applicant_subject, answers, fee_cents, submitted_at, idempotency_key)"
                      + " select ?, ?, d.municipality_id, d.id, d.current_version_id, ?, '{}'::jsonb, ?, now(), ?"
                      + " from service_definition d join municipality m on m.id = d.municipality_id"
                      + " where d.service_key = ? and m.slug = ?");
          PreparedStatement p =
              c.prepareStatement(
                  "insert into payment_request (id, municipality_id, application_id, applicant_subject, payment_reference,"
                      + " amount_cents, currency, due_date, state, method, created_at, updated_at)"
                      + " select ?, municipality_id, id, applicant_subject, ?, ?, 'EUR', current_date + 14, 'PENDING',"
                      + " 'SEPA_TRANSFER', now(), now() from case_application where id = ?");
          PreparedStatement e =
              c.prepareStatement(
                  "insert into payment_event (id, payment_id, municipality_id, applicant_subject, occurred_at, kind,"
                      + " from_state, to_state, amount_cents, source, actor)"
                      + " select ?, id, municipality_id, applicant_subject, now(), ?, ?, ?, amount_cents, 'PORTAL', applicant_subject"
                      + " from payment_request where id = ?")) {
        a.setObject(1, application);
        a.setString(2, referenceNumber);
        a.setString(3, citizen);
        a.setLong(4, cents);
        a.setString(5, UUID.randomUUID().toString());
        a.setString(6, serviceKey);
        a.setString(7, municipalitySlug);
        if (a.executeUpdate() != 1) {
          throw new IllegalStateException("No published service " + serviceKey);
        }
        p.setObject(1, payment);
        p.setString(2, reference.value());
        p.setLong(3, cents);
        p.setObject(4, application);
        p.executeUpdate();
        for (String[] event :
            new String[][] {{"OPENED", null, "OPEN"}, {"METHOD_CHOSEN", "OPEN", "PENDING"}}) {
          e.setObject(1, UUID.randomUUID());
          e.setString(2, event[0]);
          e.setString(3, event[1]);
          e.setString(4, event[2]);
          e.setObject(5, payment);
          e.executeUpdate();
        }
      }
      c.commit();
    }
    return reference.value();
  }
}
