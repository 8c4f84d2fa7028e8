package eu.rathaus.web.treasury;

import eu.rathaus.payments.application.Treasury;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.web.treasury.TreasuryLines.PaymentLine;
import eu.rathaus.web.treasury.TreasuryLines.StateOption;
import eu.rathaus.web.treasury.TreasuryLines.TotalLine;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The payments panel of {@code municipal/payments.xhtml} ("Zahlungen"): the municipality's payments
 * by period and state with totals and the CSV link, and which payment the refund panel ({@link
 * RefundView}) is about. The filter is a GET form (bookmarkable, works without JavaScript). The
 * page's other panels are {@link StatementUploadView} and {@link ClarificationsView}; after any of
 * them changed something, {@link TreasuryChanged} makes this panel read the payments again.
 */
@Named
@ViewScoped
public class PaymentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Treasury treasury;

  // GET parameters (f:viewParam)
  private String from;
  private String to;
  private String state;
  private String refund;

  private List<PaymentLine> payments = List.of();
  private List<TotalLine> totals = List.of();
  private String totalCount;
  private String totalSum;
  private String totalPaid;
  private String totalRefunded;
  private PaymentLine refundPayment;
  private final List<String> filterProblems = new ArrayList<>();

  /** f:viewAction on the first request: defaults, then the data. */
  public void load() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    if (from == null || from.isBlank()) {
      from = today.minusDays(30).toString();
    }
    if (to == null || to.isBlank()) {
      to = today.toString();
    }
    reload();
  }

  void changed(@Observes(notifyObserver = Reception.IF_EXISTS) TreasuryChanged event) {
    reload();
  }

  private void reload() {
    filterProblems.clear();
    LocalDate fromDate = date(from, "treasury.filter.from");
    LocalDate toDate = date(to, "treasury.filter.to");
    PaymentState stateFilter = null;
    if (state != null && !state.isBlank()) {
      try {
        stateFilter = PaymentState.valueOf(state);
      } catch (IllegalArgumentException e) {
        state = "";
      }
    }
    Treasury.Overview overview = treasury.payments(fromDate, toDate, stateFilter);
    payments = overview.rows().stream().map(PaymentLine::new).toList();
    totals = overview.totals().stream().map(TotalLine::new).toList();
    totalCount = String.valueOf(overview.count());
    totalSum = TreasuryTexts.euros(overview.sumCents());
    totalPaid = TreasuryTexts.euros(overview.paidCents());
    totalRefunded = TreasuryTexts.euros(overview.refundedCents());
    refundPayment = null;
    if (refund != null && !refund.isBlank()) {
      try {
        UUID.fromString(refund);
        refundPayment =
            payments.stream().filter(p -> p.getId().equals(refund)).findFirst().orElse(null);
      } catch (IllegalArgumentException e) {
        refund = null;
      }
    }
  }

  private LocalDate date(String text, String labelKey) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      filterProblems.add(
          TreasuryTexts.text("treasury.filter.badDate", TreasuryTexts.text(labelKey)));
      return null;
    }
  }

  /** The CSV link for the current filter. */
  public String getCsvQuery() {
    return "from=" + enc(from) + "&to=" + enc(to) + "&state=" + enc(state);
  }

  /** The filter as query string, for links that keep it (refund). */
  public String getFilterQuery() {
    return getCsvQuery();
  }

  public List<StateOption> getStateOptions() {
    List<StateOption> options = new ArrayList<>();
    options.add(
        new StateOption(
            "", TreasuryTexts.text("treasury.filter.allStates"), state == null || state.isBlank()));
    Arrays.stream(PaymentState.values())
        .forEach(
            s ->
                options.add(
                    new StateOption(
                        s.name(),
                        TreasuryTexts.text("treasury.state." + s.name()),
                        s.name().equals(state))));
    return options;
  }

  private static String enc(String s) {
    return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The payment chosen with {@code ?refundOf=} if it is in the list; null otherwise. */
  public PaymentLine getRefundPayment() {
    return refundPayment;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getRefund() {
    return refund;
  }

  public void setRefund(String refund) {
    this.refund = refund;
  }

  public List<PaymentLine> getPayments() {
    return payments;
  }

  public List<TotalLine> getTotals() {
    return totals;
  }

  public String getTotalCount() {
    return totalCount;
  }

  public String getTotalSum() {
    return totalSum;
  }

  public String getTotalPaid() {
    return totalPaid;
  }

  public String getTotalRefunded() {
    return totalRefunded;
  }

  public List<String> getFilterProblems() {
    return filterProblems;
  }
}
