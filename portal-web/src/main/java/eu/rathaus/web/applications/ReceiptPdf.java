package eu.rathaus.web.applications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import eu.rathaus.applications.application.Receipt;
import eu.rathaus.applications.domain.AnswerSheet;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.TransferDetails;
import eu.rathaus.payments.domain.EpcQrCode;
import eu.rathaus.web.payments.PaymentTexts;
import java.io.ByteArrayOutputStream;
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

/**
 * The PDF receipt of a submitted application (OpenPDF): municipality, service, reference number,
 * time of submission, every answer under its label as the citizen saw it, and the fee.
 *
 * <p>Text goes into the PDF as text objects, never interpreted, so answers containing markup are
 * printed literally. The font is the Liberation Sans that OpenPDF ships, embedded as a Unicode
 * subset: names with characters beyond Latin-1 (Łukasz, Şahin) print correctly, and the document
 * does not depend on fonts installed on the reader's machine.
 */
public final class ReceiptPdf {

  static final String BUNDLE = "eu.rathaus.web.i18n.messages";
  private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

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
    ResourceBundle msg =
        ResourceBundle.getBundle(
            BUNDLE,
            "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    try {
      BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      Font title = new Font(base, 16);
      Font heading = new Font(base, 12);
      Font normal = new Font(base, 10);
      Font small = new Font(base, 8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document document = new Document(PageSize.A4, 56, 56, 56, 56);
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(msg.getString("application.receipt.title") + " " + receipt.reference());
      document.open();

      document.add(new Paragraph(receipt.municipalityName(), heading));
      Paragraph head = new Paragraph(msg.getString("application.receipt.title"), title);
      head.setSpacingAfter(8);
      document.add(head);

      PdfPTable facts = table();
      row(
          facts,
          msg.getString("application.col.service"),
          receipt.serviceTitle().in(locale),
          normal);
      row(facts, msg.getString("application.reference"), receipt.reference(), normal);
      row(
          facts,
          msg.getString("application.submittedAt"),
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
              .withLocale(locale)
              .withZone(GERMAN_TIME)
              .format(receipt.submittedAt()),
          normal);
      row(
          facts,
          msg.getString("application.fee"),
          receipt.fee().isZero()
              ? msg.getString("application.fee.none")
              : receipt.fee().format(locale),
          normal);
      document.add(facts);
      if (payment != null) {
        payment(document, writer, msg, locale, payment, transfer, heading, normal);
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
        Paragraph stepTitle = new Paragraph(step.title(), heading);
        stepTitle.setSpacingBefore(12);
        stepTitle.setSpacingAfter(4);
        document.add(stepTitle);
        PdfPTable table = table();
        for (AnswerSheet.Row row : step.rows()) {
          row(table, row.label(), row.value(), normal);
        }
        document.add(table);
      }
      // The files handed in, each with its SHA-256 on a line of its own (64 hex characters fit the
      // width in the small font, so the hash is never broken and can be compared or searched).
      Paragraph files = new Paragraph(msg.getString("upload.receipt.heading"), heading);
      files.setSpacingBefore(12);
      files.setSpacingAfter(4);
      document.add(files);
      if (receipt.attachments().isEmpty()) {
        document.add(new Paragraph(msg.getString("upload.receipt.none"), normal));
      }
      for (AttachmentSummary file : receipt.attachments()) {
        Paragraph name =
            new Paragraph(
                file.displayName()
                    + " ("
                    + UploadSizes.format(file.sizeBytes(), locale)
                    + ", "
                    + file.contentType()
                    + ")",
                normal);
        name.setSpacingBefore(4);
        document.add(name);
        document.add(new Paragraph("SHA-256: " + file.sha256(), small));
      }
      Paragraph footer =
          new Paragraph(
              MessageFormat.format(
                  msg.getString("application.receipt.footer"), receipt.reference()),
              small);
      footer.setSpacingBefore(16);
      document.add(footer);
      document.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("Receipt could not be rendered", e);
    }
  }

  private static void payment(
      Document document,
      PdfWriter writer,
      ResourceBundle msg,
      Locale locale,
      PaymentSummary payment,
      TransferDetails transfer,
      Font heading,
      Font normal)
      throws DocumentException {
    Paragraph title = new Paragraph(msg.getString("payment.receipt.heading"), heading);
    title.setSpacingBefore(12);
    title.setSpacingAfter(4);
    document.add(title);
    PdfPTable table = table();
    row(table, msg.getString("payment.state"), PaymentTexts.state(payment.state(), locale), normal);
    row(table, msg.getString("payment.reference"), payment.printedReference(), normal);
    row(
        table,
        msg.getString("payment.amount"),
        PaymentTexts.amount(payment.amountCents(), locale),
        normal);
    if (payment.isPayable()) {
      row(
          table,
          msg.getString("payment.dueDate"),
          PaymentTexts.date(payment.dueDate(), locale),
          normal);
    }
    if (transfer != null) {
      row(table, msg.getString("payment.sepa.payee"), transfer.payeeName(), normal);
      row(table, msg.getString("payment.sepa.iban"), transfer.formattedIban(), normal);
      row(
          table,
          msg.getString("payment.sepa.bic"),
          transfer.bic() == null ? "" : transfer.bic(),
          normal);
      row(table, msg.getString("payment.sepa.remittance"), transfer.printedReference(), normal);
    }
    document.add(table);
    if (transfer != null) {
      Paragraph caption = new Paragraph(msg.getString("payment.sepa.qrCaption"), normal);
      caption.setSpacingBefore(8);
      document.add(caption);
      document.add(qrImage(writer, EpcQrCode.symbol(transfer.epcPayload()), 120f));
    }
  }

  /** The QR symbol drawn as vector squares (no bitmap), {@code size} points wide. */
  static Image qrImage(PdfWriter writer, BitMatrix matrix, float size) throws DocumentException {
    float module = size / matrix.getWidth();
    PdfContentByte canvas = writer.getDirectContent();
    PdfTemplate template = canvas.createTemplate(size, size);
    template.setRGBColorFill(0, 0, 0);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          template.rectangle(x * module, size - (y + 1) * module, module, module);
        }
      }
    }
    template.fill();
    return Image.getInstance(template);
  }

  private static PdfPTable table() {
    PdfPTable table = new PdfPTable(new float[] {2f, 3f});
    table.setWidthPercentage(100);
    return table;
  }

  private static void row(PdfPTable table, String label, String value, Font font) {
    PdfPCell left = new PdfPCell(new Phrase(label, font));
    PdfPCell right = new PdfPCell(new Phrase(value, font));
    for (PdfPCell cell : new PdfPCell[] {left, right}) {
      cell.setPadding(4);
      cell.setVerticalAlignment(Element.ALIGN_TOP);
      cell.setBorderWidth(0.5f);
    }
    table.addCell(left);
    table.addCell(right);
  }
}
