package eu.rathaus.operations.infrastructure;

import eu.rathaus.operations.domain.OperatorFigureSource;
import eu.rathaus.operations.domain.OperatorFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain counting SQL over the other capabilities' tables: a read model for the operator, kept out
 * of their code so that no use case pays for it. Every query is an index or sequential count that a
 * scrape every 15 to 30 seconds can afford; the caller caches the result briefly.
 */
@ApplicationScoped
public class SqlOperatorFigureSource implements OperatorFigureSource {

  /** The states of payment_request (V12), so a state with no rows is reported as 0, not missing. */
  static final List<String> PAYMENT_STATES =
      List.of("OPEN", "PENDING", "PAID", "FAILED", "EXPIRED", "CANCELLED", "REFUNDED");

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public OperatorFigures count() {
    long submitted = single("select count(*) from case_application");
    Map<String, Long> decisions = new LinkedHashMap<>();
    decisions.put("approved", 0L);
    decisions.put("rejected", 0L);
    for (Object[] row :
        rows(
            "select kind, count(*) from case_event where kind in ('APPROVE', 'REJECT')"
                + " group by kind")) {
      decisions.put("APPROVE".equals(row[0]) ? "approved" : "rejected", number(row[1]));
    }
    Map<String, Long> payments = new LinkedHashMap<>();
    PAYMENT_STATES.forEach(s -> payments.put(s.toLowerCase(Locale.ROOT), 0L));
    for (Object[] row : rows("select state, count(*) from payment_request group by state")) {
      payments.put(((String) row[0]).toLowerCase(Locale.ROOT), number(row[1]));
    }
    Object[] outbox =
        rows("select count(*) filter (where next_attempt_at is not null),"
                + " count(*) filter (where next_attempt_at is not null and attempts > 0),"
                + " count(*) filter (where next_attempt_at is null)"
                + " from notification_outbox where sent_at is null")
            .get(0);
    return new OperatorFigures(
        submitted, decisions, payments, number(outbox[0]), number(outbox[1]), number(outbox[2]));
  }

  private long single(String sql) {
    return number(em.createNativeQuery(sql).getSingleResult());
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
