package eu.rathaus.web.treasury;

import eu.rathaus.payments.application.Refunds;
import eu.rathaus.payments.application.StatementImport;
import eu.rathaus.payments.application.Treasury;
import eu.rathaus.payments.domain.ImportedStatement;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.payments.domain.StatementRefused;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Backing bean of {@code municipal/payments.xhtml} ("Zahlungen"): the municipality's payments by
 * period and state with totals, the camt.053 upload with its summary, the clarification list, the
 * refund form of one paid payment and the CSV link. The filter is a GET form (bookmarkable, works
 * without JavaScript); uploads, resolutions and refunds are posts that reload the data.
 */
@Named
@ViewScoped
public class PaymentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Treasury treasury;
  @Inject StatementImport statementImport;
  @Inject Refunds refunds;

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
  private List<ClarificationLine> clarifications = List.of();
  private List<ImportLine> imports = List.of();
  private PaymentLine refundPayment;
  private List<RefundLine> refundLines = List.of();
  private final List<String> filterProblems = new ArrayList<>();

  private transient Part statementFile;
  private StatementImport.Result importResult;
  private String importRefusal;
  private String refundAmount;
  private String refundReason;
  private final Map<String, String> notes = new HashMap<>();

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
    clarifications = treasury.clarifications().stream().map(ClarificationLine::new).toList();
    imports = treasury.recentImports().stream().map(ImportLine::new).toList();
    refundPayment = null;
    refundLines = List.of();
    if (refund != null && !refund.isBlank()) {
      try {
        UUID id = UUID.fromString(refund);
        refundPayment = payments.stream().filter(p -> p.getId().equals(refund)).findFirst().orElse(null);
        if (refundPayment != null) {
          refundLines = refunds.refunds(id).stream().map(RefundLine::new).toList();
        }
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
      filterProblems.add(TreasuryTexts.text("treasury.filter.badDate", TreasuryTexts.text(labelKey)));
      return null;
    }
  }

  /** Imports the uploaded camt.053 file; the summary or the refusal is shown above the form. */
  public String upload() {
    importResult = null;
    importRefusal = null;
    if (statementFile == null || statementFile.getSize() == 0) {
      importRefusal = TreasuryTexts.text("treasury.import.refused.EMPTY_FILE");
      reload();
      return null;
    }
    if (statementFile.getSize() > StatementImport.MAX_BYTES) {
      importRefusal = TreasuryTexts.text("treasury.import.refused.TOO_LARGE");
      reload();
      return null;
    }
    byte[] content;
    try (InputStream in = statementFile.getInputStream()) {
      content = in.readNBytes(StatementImport.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      importResult = statementImport.importFile(fileName(statementFile), content);
    } catch (StatementRefused e) {
      importRefusal = TreasuryTexts.text("treasury.import.refused." + e.reason().name());
    } catch (PersistenceException e) {
      // Two uploads of the same statement at the same moment: the unique constraints decide.
      importRefusal = TreasuryTexts.text("treasury.import.refused.ALREADY_IMPORTED");
    }
    reload();
    return null;
  }

  /** Resolves one clarification with the note typed next to it. */
  public String resolve(String clarificationId) {
    String note = notes.get(clarificationId);
    if (note == null || note.isBlank()) {
      TreasuryTexts.error(null, TreasuryTexts.text("treasury.clarification.noteRequired"));
      return null;
    }
    try {
      treasury.resolve(UUID.fromString(clarificationId), note);
      notes.remove(clarificationId);
      TreasuryTexts.info(TreasuryTexts.text("treasury.clarification.resolved"));
    } catch (IllegalStateException | NoSuchElementException e) {
      TreasuryTexts.error(null, TreasuryTexts.text("treasury.clarification.gone"));
    }
    reload();
    return null;
  }

  /**
   * Refunds the typed amount of the payment chosen with {@code ?refundOf=} (not {@code ?refund=}: the
   * refund form's id travels as a request parameter of that name on every post of the form).
   */
  public String refund() {
    if (refundPayment == null) {
      return null;
    }
    Long cents = TreasuryTexts.cents(refundAmount);
    if (cents == null) {
      TreasuryTexts.error("refund:amount", TreasuryTexts.text("treasury.refund.refused.AMOUNT_INVALID"));
      return null;
    }
    Refunds.Outcome outcome;
    try {
      outcome = refunds.refund(UUID.fromString(refundPayment.getId()), cents, refundReason);
    } catch (NoSuchElementException e) {
      outcome = new Refunds.Outcome(null, Refunds.Refusal.NOT_PAID);
    }
    if (outcome.isDone()) {
      TreasuryTexts.info(TreasuryTexts.text("treasury.refund.done", TreasuryTexts.euros(cents)));
      refundAmount = null;
      refundReason = null;
    } else {
      String field = switch (outcome.refusal()) {
        case REASON_MISSING -> "refund:reason";
        case AMOUNT_INVALID, TOO_MUCH -> "refund:amount";
        default -> null;
      };
      TreasuryTexts.error(field, TreasuryTexts.text("treasury.refund.refused." + outcome.refusal().name()));
    }
    reload();
    return null;
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
    options.add(new StateOption("", TreasuryTexts.text("treasury.filter.allStates"), state == null || state.isBlank()));
    Arrays.stream(PaymentState.values()).forEach(s ->
        options.add(new StateOption(s.name(), TreasuryTexts.text("treasury.state." + s.name()), s.name().equals(state))));
    return options;
  }

  private static String enc(String s) {
    return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String fileName(Part part) {
    String name = part.getSubmittedFileName();
    return name == null ? null : name.replaceAll("[\\p{Cntrl}]", "_");
  }

  // ---- rows with getters (EL does not read record components) ----

  /** One payment of the table. */
  public static final class PaymentLine implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Treasury.PaymentRow row;

    PaymentLine(Treasury.PaymentRow row) {
      this.row = row;
    }

    public String getId() {
      return row.id().toString();
    }

    public String getReference() {
      return row.reference();
    }

    public String getReferenceNumber() {
      return row.referenceNumber();
    }

    public String getService() {
      return row.serviceTitle();
    }

    public String getAmount() {
      return TreasuryTexts.euros(row.amountCents());
    }

    public String getRefunded() {
      return row.refundedCents() == 0 ? "" : TreasuryTexts.euros(row.refundedCents());
    }

    public String getRefundableAmount() {
      return TreasuryTexts.euros(row.refundableCents());
    }

    public String getState() {
      return row.state().name();
    }

    public String getStateLabel() {
      return TreasuryTexts.text("treasury.state." + row.state().name());
    }

    public String getMethodLabel() {
      return row.method() == null ? "" : TreasuryTexts.text("treasury.method." + row.method().name());
    }

    public String getPaidAt() {
      return TreasuryTexts.time(row.paidAt());
    }

    public boolean isRefundable() {
      return row.state().isSettled() && row.refundableCents() > 0;
    }
  }

  /** Count and sum of one state. */
  public static final class TotalLine implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Treasury.StateTotal total;

    TotalLine(Treasury.StateTotal total) {
      this.total = total;
    }

    public String getState() {
      return total.state().name();
    }

    public String getStateLabel() {
      return TreasuryTexts.text("treasury.state." + total.state().name());
    }

    public long getCount() {
      return total.count();
    }

    public String getSum() {
      return TreasuryTexts.euros(total.sumCents());
    }
  }

  /** One entry of the clarification list. */
  public static final class ClarificationLine implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Treasury.ClarificationRow row;

    ClarificationLine(Treasury.ClarificationRow row) {
      this.row = row;
    }

    public String getId() {
      return row.id().toString();
    }

    public String getReasonLabel() {
      return TreasuryTexts.text("treasury.reason." + row.reason().name());
    }

    public String getAmount() {
      return TreasuryTexts.euros(row.amountCents());
    }

    public String getBookingDate() {
      return TreasuryTexts.date(row.bookingDate());
    }

    public String getReference() {
      return row.creditorReference() == null ? "" : row.creditorReference();
    }

    public String getRemittance() {
      return row.remittance() == null ? "" : row.remittance();
    }

    public String getDebtor() {
      return row.debtorName() == null ? "" : row.debtorName();
    }

    public String getBankReference() {
      return row.bankReference();
    }

    public boolean isOpen() {
      return row.status() == eu.rathaus.payments.domain.Clarification.Status.OPEN;
    }

    public String getResolution() {
      return row.note() == null ? "" : TreasuryTexts.text("treasury.clarification.resolvedBy", row.note(),
          row.resolvedBy(), TreasuryTexts.time(row.resolvedAt()));
    }
  }

  /** One statement import. */
  public static final class ImportLine implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String statementId;
    private final String importedAt;
    private final int entries;
    private final int matched;
    private final int clarifications;
    private final String fileName;

    ImportLine(ImportedStatement s) {
      this.statementId = s.statementId();
      this.importedAt = TreasuryTexts.time(s.importedAt());
      this.entries = s.entryCount();
      this.matched = s.matchedCount();
      this.clarifications = s.clarificationCount();
      this.fileName = s.fileName() == null ? "" : s.fileName();
    }

    public String getStatementId() {
      return statementId;
    }

    public String getImportedAt() {
      return importedAt;
    }

    public int getEntries() {
      return entries;
    }

    public int getMatched() {
      return matched;
    }

    public int getClarifications() {
      return clarifications;
    }

    public String getFileName() {
      return fileName;
    }
  }

  /** A refund made for the chosen payment. */
  public static final class RefundLine implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Refunds.RefundRow row;

    RefundLine(Refunds.RefundRow row) {
      this.row = row;
    }

    public String getId() {
      return row.id().toString();
    }

    public String getAmount() {
      return TreasuryTexts.euros(row.amountCents());
    }

    public String getReason() {
      return row.reason();
    }

    public String getChannelLabel() {
      return TreasuryTexts.text("treasury.refund.channel." + row.channel().name());
    }

    public String getRequestedAt() {
      return TreasuryTexts.time(row.requestedAt());
    }

    public boolean isTransferFile() {
      return row.transferFile();
    }
  }

  /** An option of the state filter. */
  public static final class StateOption implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String value;
    private final String label;
    private final boolean selected;

    StateOption(String value, String label, boolean selected) {
      this.value = value;
      this.label = label;
      this.selected = selected;
    }

    public String getValue() {
      return value;
    }

    public String getLabel() {
      return label;
    }

    public boolean isSelected() {
      return selected;
    }
  }

  // ---- properties ----

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

  public List<ClarificationLine> getClarifications() {
    return clarifications;
  }

  public List<ImportLine> getImports() {
    return imports;
  }

  public PaymentLine getRefundPayment() {
    return refundPayment;
  }

  public List<RefundLine> getRefundLines() {
    return refundLines;
  }

  public List<String> getFilterProblems() {
    return filterProblems;
  }

  public Part getStatementFile() {
    return statementFile;
  }

  public void setStatementFile(Part statementFile) {
    this.statementFile = statementFile;
  }

  public StatementImport.Result getImportResult() {
    return importResult;
  }

  public String getImportRefusal() {
    return importRefusal;
  }

  public String getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(String refundAmount) {
    this.refundAmount = refundAmount;
  }

  public String getRefundReason() {
    return refundReason;
  }

  public void setRefundReason(String refundReason) {
    this.refundReason = refundReason;
  }

  public Map<String, String> getNotes() {
    return notes;
  }
}
