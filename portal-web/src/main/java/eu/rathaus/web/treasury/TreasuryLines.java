package eu.rathaus.web.treasury;

import eu.rathaus.payments.application.Refunds;
import eu.rathaus.payments.application.Treasury;
import eu.rathaus.payments.domain.Clarification;
import java.io.Serializable;

/** The rows the treasury page shows, with getters (EL does not read record components). */
public final class TreasuryLines {

  private TreasuryLines() {}

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
      return row.method() == null
          ? ""
          : TreasuryTexts.text("treasury.method." + row.method().name());
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
      return row.status() == Clarification.Status.OPEN;
    }

    public String getResolution() {
      return row.note() == null
          ? ""
          : TreasuryTexts.text(
              "treasury.clarification.resolvedBy",
              row.note(),
              row.resolvedBy(),
              TreasuryTexts.time(row.resolvedAt()));
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

    ImportLine(Treasury.ImportRow s) {
      this.statementId = s.statementId();
      this.importedAt = TreasuryTexts.time(s.importedAt());
      this.entries = s.entries();
      this.matched = s.matched();
      this.clarifications = s.clarifications();
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
}
