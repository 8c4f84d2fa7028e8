package eu.rathaus.registers.residents.application;

import eu.rathaus.documents.application.AccessiblePdf;
import eu.rathaus.registers.residents.domain.MoveRequest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.w3c.dom.Element;

/**
 * The confirmation of a change of address (Meldebestätigung, § 24 BMG) as a tagged PDF/UA-1 and
 * PDF/A-3a document ({@link AccessiblePdf}, like the certificate of residence): letterhead, who is
 * registered where since when, the application's reference and the date of the entry.
 */
final class MovePdf {

  static final String BUNDLE = "eu.rathaus.registers.move";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** The authority confirming the move. */
  record Issuer(String name, List<String> addressLines, byte[] logo) {}

  private MovePdf() {}

  static String fileName(String reference) {
    return "Meldebestaetigung-" + reference + ".pdf";
  }

  /** The mailbox message that carries the PDF. */
  static String message(String reference, Locale language) {
    return text(bundle(language), "move.message", reference);
  }

  static byte[] render(
      Issuer issuer,
      MoveRequest request,
      List<String> persons,
      String reference,
      LocalDate registeredOn,
      Locale language) {
    ResourceBundle msg = bundle(language);
    Locale written = "en".equals(msg.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.GERMANY;
    String title =
        msg.getString(
            request.kind() == MoveRequest.Kind.FROM_ELSEWHERE ? "move.title.in" : "move.title");
    AccessiblePdf pdf =
        new AccessiblePdf(
                text(msg, "move.documentTitle", reference), written, msg.getString("move.page"))
            .describe(issuer.name(), title);
    Element body = pdf.body();
    pdf.letterhead(issuer.name(), issuer.logo(), text(msg, "move.logo.alt", issuer.name()));
    if (!issuer.addressLines().isEmpty()) {
      pdf.lines(body, issuer.addressLines(), "small");
    }
    pdf.heading(body, 1, title);
    pdf.paragraph(body, msg.getString("move.intro"));
    Element table = pdf.table(body);
    pdf.row(table, msg.getString("move.persons"), String.join("; ", persons));
    pdf.row(table, msg.getString("move.address"), request.newAddress().line());
    pdf.row(table, msg.getString("move.movedIn"), DATE.format(request.movingDate()));
    pdf.row(table, msg.getString("move.residence"), msg.getString("move.residence.main"));
    pdf.paragraph(
        body, text(msg, "move.registered", DATE.format(registeredOn), issuer.name()), "facts");
    pdf.paragraph(body, text(msg, "move.reference", reference), "small");
    pdf.paragraph(body, msg.getString("move.keep"));
    return pdf.render();
  }

  private static ResourceBundle bundle(Locale language) {
    return CertificatePdf.bundle(BUNDLE, language);
  }

  private static String text(ResourceBundle msg, String key, Object... args) {
    return CertificatePdf.text(msg, key, args);
  }
}
