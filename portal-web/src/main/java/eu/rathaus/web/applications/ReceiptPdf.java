package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.common.BitMatrix;
import eu.rathaus.applications.application.Receipt;
import eu.rathaus.applications.domain.AnswerSheet;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.documents.application.AccessiblePdf;
import eu.rathaus.documents.application.QrImage;
import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.TransferDetails;
import eu.rathaus.payments.domain.EpcQrCode;
import eu.rathaus.web.payments.PaymentTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.w3c.dom.Element;

/**
 * The PDF receipt of a submitted application: municipality, service, reference number, time of
 * submission, every answer under its label as the citizen saw it, the fee and, while unpaid, the
 * transfer details with the GiroCode.
 *
 * <p>Made through {@link AccessiblePdf}, so the receipt is a tagged PDF/UA-1 and PDF/A-3a document
 * in the citizen's language: headings, tables with row headers, the QR code as a figure with an
 * alternative text naming payee and payment reference, embedded fonts, title and language.
 */
public final class ReceiptPdf {

  static final String BUNDLE = "eu.rathaus.web.i18n.messages";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  /** Pixels per QR module: the bitmap stays sharp however it is scaled by the viewer. */
  private static final int QR_SCALE = 8;

  private ReceiptPdf() {}

  public static byte[] render(Receipt receipt, Locale locale) {
    return render(receipt, locale, null, null);
  }

  /**
   * With the fee's payment: its state and Kassenzeichen, and while it is unpaid the transfer data
   * with the GiroCode, so the printed receipt alone is enough to pay.
   *
   * @param payment null for fee-free applications
   * @param transfer null when the fee is not (or no longer) payable by transfer
   */
  public static byte[] render(
      Receipt receipt, Locale locale, PaymentSummary payment, TransferDetails transfer) {
    boolean english = "en".equals(locale.getLanguage());
    ResourceBundle msg =
        ResourceBundle.getBundle(
            BUNDLE,
            english ? Locale.ENGLISH : Locale.GERMAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    try {
      String title = msg.getString("application.receipt.title");
      AccessiblePdf pdf =
          new AccessiblePdf(
                  title + " " + receipt.reference(),
                  english ? Locale.ENGLISH : Locale.GERMANY,
                  msg.getString("application.receipt.page"))
              .describe(receipt.municipalityName(), receipt.serviceTitle().in(locale));
      Element body = pdf.body();
      pdf.letterhead(receipt.municipalityName(), null, null);
      pdf.heading(body, 1, title);

      Element facts = pdf.table(body);
      pdf.row(facts, msg.getString("application.col.service"), receipt.serviceTitle().in(locale));
      pdf.row(facts, msg.getString("application.reference"), receipt.reference());
      pdf.row(
          facts,
          msg.getString("application.submittedAt"),
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
              .withLocale(locale)
              .withZone(GERMAN_TIME)
              .format(receipt.submittedAt()));
      pdf.row(
          facts,
          msg.getString("application.fee"),
          receipt.fee().isZero()
              ? msg.getString("application.fee.none")
              : receipt.fee().format(locale));
      if (payment != null) {
        payment(pdf, msg, locale, payment, transfer);
      }

      Map<String, String> fileNames = new HashMap<>();
      receipt.attachments().forEach(f -> fileNames.put(f.id().toString(), f.displayName()));
      AnswerSheet.Words words =
          new AnswerSheet.Words(
              msg.getString("application.yes"),
              msg.getString("application.no"),
              msg.getString("application.review.empty"));
      for (AnswerSheet.Step step :
          AnswerSheet.of(
              receipt.form(),
              JSON.readTree(receipt.answersJson()),
              locale,
              words,
              id -> Optional.ofNullable(fileNames.get(id)))) {
        pdf.heading(body, 2, step.title());
        Element table = pdf.table(body);
        for (AnswerSheet.Row row : step.rows()) {
          pdf.row(table, row.label(), row.value());
        }
      }
      // The files handed in, each with its SHA-256 on a line of its own (small, so the 64 hex
      // characters fit the width, and the hash can be compared or searched).
      pdf.heading(body, 2, msg.getString("upload.receipt.heading"));
      if (receipt.attachments().isEmpty()) {
        pdf.paragraph(body, msg.getString("upload.receipt.none"));
      }
      for (AttachmentSummary file : receipt.attachments()) {
        Element entry = pdf.block(body, "keep");
        pdf.paragraph(
            entry,
            file.displayName()
                + " ("
                + UploadSizes.format(file.sizeBytes(), locale)
                + ", "
                + file.contentType()
                + ")");
        pdf.paragraph(entry, "SHA-256: " + file.sha256(), "hash");
      }
      pdf.paragraph(
              body,
              MessageFormat.format(
                  msg.getString("application.receipt.footer"), receipt.reference()),
              "small")
          .setAttribute("style", "margin-top: 16pt;");
      return pdf.render();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void payment(
      AccessiblePdf pdf,
      ResourceBundle msg,
      Locale locale,
      PaymentSummary payment,
      TransferDetails transfer) {
    Element body = pdf.body();
    pdf.heading(body, 2, msg.getString("payment.receipt.heading"));
    Element table = pdf.table(body);
    pdf.row(table, msg.getString("payment.state"), PaymentTexts.state(payment.state(), locale));
    pdf.row(table, msg.getString("payment.reference"), payment.printedReference());
    pdf.row(
        table, msg.getString("payment.amount"), PaymentTexts.amount(payment.amountCents(), locale));
    if (payment.isPayable()) {
      pdf.row(
          table, msg.getString("payment.dueDate"), PaymentTexts.date(payment.dueDate(), locale));
    }
    if (transfer != null) {
      pdf.row(table, msg.getString("payment.sepa.payee"), transfer.payeeName());
      pdf.row(table, msg.getString("payment.sepa.iban"), transfer.formattedIban());
      pdf.row(
          table, msg.getString("payment.sepa.bic"), transfer.bic() == null ? "" : transfer.bic());
      pdf.row(table, msg.getString("payment.sepa.remittance"), transfer.printedReference());
      Element qr = pdf.block(body, "keep");
      pdf.paragraph(qr, msg.getString("payment.sepa.qrCaption"));
      pdf.image(
          qr,
          qrPng(EpcQrCode.symbol(transfer.epcPayload())),
          MessageFormat.format(
              msg.getString("payment.sepa.qrAlt"),
              transfer.payeeName(),
              transfer.printedReference()),
          120);
    }
  }

  /** The QR symbol as a black-and-white PNG, {@link #QR_SCALE} pixels per module. */
  static byte[] qrPng(BitMatrix matrix) {
    return QrImage.png(matrix, QR_SCALE);
  }
}
