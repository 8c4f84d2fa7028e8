package eu.rathaus.notices.infrastructure;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import eu.rathaus.notices.domain.Letterhead;
import eu.rathaus.notices.domain.NoticeContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * Renders a notice (Bescheid) as PDF with OpenPDF: letterhead, addressee, date and reference
 * ("Aktenzeichen"), subject line, the decision, its reasons, the legal remedy instruction, the "Im
 * Auftrag" signature and "Seite x von y" on every page.
 *
 * <p>Every text goes in as a text object and is never interpreted, so reasons or names containing
 * markup print literally. The font is the Liberation Sans that OpenPDF ships, embedded as a Unicode
 * subset: umlauts, ß and names beyond Latin-1 print and can be searched and copied, independent of
 * the reader's fonts. Bold is OpenPDF's simulated bold of the same font (the jar ships no bold
 * cut).
 *
 * <p>Accessibility: the document carries its title (shown instead of the file name) and its
 * language (de-DE) for screen readers. It is not a tagged PDF: OpenPDF's tagging would need a
 * structure tree built by hand for every element, which this version does not do.
 */
public final class NoticePdf {

  private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
  private static final ResourceBundle TEXT =
      ResourceBundle.getBundle("eu.rathaus.notices.notice", java.util.Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");
  private static final float MARGIN = 62;

  private NoticePdf() {}

  /** The file name a notice is delivered under; only characters every file system accepts. */
  public static String fileName(String reference) {
    return text("notice.fileName", reference.replaceAll("[^A-Za-z0-9-]", "_"));
  }

  public static byte[] render(NoticeContent notice) {
    try {
      BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      Font authority = new Font(base, 15, Font.BOLD);
      Font heading = new Font(base, 11.5f, Font.BOLD);
      Font normal = new Font(base, 10.5f);
      Font small = new Font(base, 8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document document = new Document(PageSize.A4, MARGIN, MARGIN, 56, 64);
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new PageNumbers(base));
      String title = text("notice.documentTitle", notice.reference());
      document.addTitle(title);
      document.addAuthor(notice.letterhead().authorityName());
      document.addSubject(text("notice.subject", notice.serviceTitle(), date(notice)));
      document.open();
      writer.getExtraCatalog().put(PdfName.LANG, new PdfString("de-DE"));
      writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);

      Letterhead head = notice.letterhead();
      if (head.logo() != null) {
        document.add(logo(head));
      }
      Paragraph sender = new Paragraph(head.authorityName(), authority);
      sender.setSpacingAfter(14);
      document.add(sender);

      PdfPTable top = new PdfPTable(new float[] {3f, 2f});
      top.setWidthPercentage(100);
      PdfPCell recipient = borderless();
      recipient.addElement(new Paragraph(head.returnAddress(), small));
      Paragraph addressee = new Paragraph();
      addressee.setSpacingBefore(6);
      addressee.setFont(normal);
      if (!notice.applicant().name().isEmpty()) {
        addressee.add(new Chunk(notice.applicant().name() + "\n", normal));
      }
      for (String line : notice.applicant().addressLines()) {
        addressee.add(new Chunk(line + "\n", normal));
      }
      recipient.addElement(addressee);
      top.addCell(recipient);

      PdfPCell facts = borderless();
      for (String line : head.addressLines()) {
        facts.addElement(new Paragraph(line, small));
      }
      if (head.phone() != null) {
        facts.addElement(new Paragraph(text("notice.phone", head.phone()), small));
      }
      if (head.email() != null) {
        facts.addElement(new Paragraph(text("notice.email", head.email()), small));
      }
      if (head.webAddress() != null) {
        facts.addElement(new Paragraph(text("notice.web", head.webAddress()), small));
      }
      Paragraph when = new Paragraph(text("notice.date", DATE.format(notice.issuedOn())), normal);
      when.setSpacingBefore(8);
      facts.addElement(when);
      facts.addElement(new Paragraph(text("notice.reference", notice.reference()), normal));
      top.addCell(facts);
      top.setSpacingAfter(24);
      document.add(top);

      Paragraph subject =
          new Paragraph(text("notice.subject", notice.serviceTitle(), date(notice)), heading);
      subject.setSpacingAfter(12);
      document.add(subject);
      document.add(
          new Paragraph(
              notice.applicant().name().isEmpty()
                  ? text("notice.greeting.anonymous")
                  : text("notice.greeting.named", notice.applicant().name()),
              normal));

      section(document, text("notice.decision.heading"), heading);
      document.add(
          new Paragraph(
              text(
                  notice.approved()
                      ? "notice.decision.approved.word"
                      : "notice.decision.rejected.word"),
              heading));
      document.add(
          body(
              text(
                  notice.approved() ? "notice.decision.approved" : "notice.decision.rejected",
                  notice.serviceTitle(),
                  date(notice)),
              normal));

      section(document, text("notice.reasons.heading"), heading);
      for (String part : notice.reasons().strip().split("\\R\\s*\\R")) {
        document.add(body(part.strip(), normal));
      }

      section(document, text("notice.remedy.heading"), heading);
      for (String part : notice.legalRemedy().strip().split("\\R\\s*\\R")) {
        document.add(body(part.strip(), normal));
      }

      Paragraph closing = new Paragraph(text("notice.closing"), normal);
      closing.setSpacingBefore(18);
      closing.setKeepTogether(true);
      document.add(closing);
      Paragraph onBehalf = new Paragraph(text("notice.onBehalf"), normal);
      onBehalf.setSpacingBefore(10);
      document.add(onBehalf);
      if (!notice.signatory().isEmpty()) {
        document.add(new Paragraph(notice.signatory(), normal));
      }
      Paragraph electronic = new Paragraph(text("notice.electronic"), small);
      electronic.setSpacingBefore(14);
      document.add(electronic);
      document.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("Notice could not be rendered", e);
    }
  }

  /**
   * The municipality's logo above the sender, at most 60 pt high and a third of the width; it was
   * checked as PNG or JPEG when uploaded. Its alternative text names the authority, for readers
   * that take it from the image.
   */
  private static Image logo(Letterhead head) throws IOException, DocumentException {
    Image image = Image.getInstance(head.logo());
    image.scaleToFit(PageSize.A4.getWidth() / 3, 60);
    image.setAlt(text("notice.logo.alt", head.authorityName()));
    image.setAlignment(Image.LEFT);
    image.setSpacingAfter(8);
    return image;
  }

  private static String date(NoticeContent notice) {
    return DATE.format(notice.submittedAt().atZone(GERMAN_TIME));
  }

  private static void section(Document document, String title, Font font) {
    Paragraph p = new Paragraph(title, font);
    p.setSpacingBefore(14);
    p.setSpacingAfter(4);
    p.setKeepTogether(true);
    document.add(p);
  }

  private static Paragraph body(String text, Font font) {
    Paragraph p = new Paragraph(text, font);
    p.setSpacingAfter(6);
    p.setLeading(0, 1.3f);
    return p;
  }

  private static PdfPCell borderless() {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    cell.setVerticalAlignment(Element.ALIGN_TOP);
    return cell;
  }

  private static String text(String key, Object... args) {
    return MessageFormat.format(TEXT.getString(key), args);
  }

  /**
   * "Seite x von y" at the foot of each page. The total is unknown until the document closes, so
   * each page shows a template that is filled with the page count at the end.
   */
  private static final class PageNumbers extends PdfPageEventHelper {
    private final BaseFont font;
    private PdfTemplate total;

    PageNumbers(BaseFont font) {
      this.font = font;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      total = writer.getDirectContent().createTemplate(30, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte canvas = writer.getDirectContent();
      String label = text("notice.page", writer.getPageNumber(), "");
      float size = 8;
      float width = font.getWidthPoint(label, size);
      float x = (document.left() + document.right()) / 2 - width / 2;
      float y = document.bottom() - 28;
      canvas.beginText();
      canvas.setFontAndSize(font, size);
      canvas.setTextMatrix(x, y);
      canvas.showText(label);
      canvas.endText();
      canvas.addTemplate(total, x + width, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      total.beginText();
      total.setFontAndSize(font, 8);
      total.setTextMatrix(0, 0);
      total.showText(String.valueOf(writer.getPageNumber() - 1));
      total.endText();
    }
  }
}
