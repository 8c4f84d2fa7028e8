package eu.rathaus.registers.residents.application;

import eu.rathaus.documents.application.AccessiblePdf;
import eu.rathaus.documents.application.QrImage;
import eu.rathaus.payments.domain.EpcQrCode;
import eu.rathaus.registers.residents.domain.CertificateKind;
import eu.rathaus.registers.residents.domain.CertificateRules;
import eu.rathaus.registers.residents.domain.Resident;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The certificate of residence as a tagged PDF/UA-1 and PDF/A-3a document ({@link AccessiblePdf}):
 * letterhead, the lines {@link CertificateRules#contents} states for the kind, the issue date and
 * authority, the verification code and a QR code of the verification address.
 */
final class CertificatePdf {

  static final String BUNDLE = "eu.rathaus.registers.certificate";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final int QR_SCALE = 4;

  /** The authority printing the certificate. */
  record Issuer(String name, List<String> addressLines, byte[] logo) {}

  private CertificatePdf() {}

  static byte[] render(
      CertificateKind kind,
      Resident resident,
      Issuer issuer,
      LocalDate issuedOn,
      String reference,
      String code,
      String verifyUrl,
      Locale language) {
    ResourceBundle msg = bundle(language);
    Locale written = "en".equals(msg.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.GERMANY;
    String title = msg.getString("certificate.title." + kind.name());
    AccessiblePdf pdf =
        new AccessiblePdf(
                text(msg, "certificate.documentTitle", code),
                written,
                msg.getString("certificate.page"))
            .describe(issuer.name(), title);
    Element body = pdf.body();
    pdf.letterhead(issuer.name(), issuer.logo(), text(msg, "certificate.logo.alt", issuer.name()));
    if (!issuer.addressLines().isEmpty()) {
      pdf.lines(body, issuer.addressLines(), "small");
    }
    pdf.heading(body, 1, title);
    pdf.paragraph(body, msg.getString("certificate.intro"));
    Element table = pdf.table(body);
    for (CertificateRules.Line line : CertificateRules.contents(kind, resident)) {
      pdf.row(table, msg.getString(line.labelKey()), printable(line.value()));
    }
    pdf.paragraph(
        body, text(msg, "certificate.issued", DATE.format(issuedOn), issuer.name()), "facts");
    pdf.paragraph(body, text(msg, "certificate.reference", reference), "small");
    pdf.paragraph(body, msg.getString("certificate.automatic"));
    Element check = pdf.block(body, "keep");
    pdf.heading(check, 2, text(msg, "certificate.code", code));
    pdf.paragraph(check, text(msg, "certificate.verify", verifyUrl));
    pdf.image(
        check,
        QrImage.png(EpcQrCode.symbol(verifyUrl), QR_SCALE),
        text(msg, "certificate.qr.alt", code),
        96);
    return pdf.render();
  }

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** ISO dates (alone or inside a line) as the reader expects them, everything else as it is. */
  static String printable(String value) {
    if (value == null) {
      return "";
    }
    Matcher dates = ISO_DATE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (dates.find()) {
      String replacement;
      try {
        replacement = DATE.format(LocalDate.parse(dates.group()));
      } catch (DateTimeParseException e) {
        replacement = dates.group();
      }
      dates.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    dates.appendTail(out);
    return out.toString();
  }

  /**
   * The register's PDF texts {@code bundle} in German (the root) or English, never the platform's
   * default locale.
   */
  static ResourceBundle bundle(String bundle, Locale language) {
    return ResourceBundle.getBundle(
        bundle,
        language != null && "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static ResourceBundle bundle(Locale language) {
    return bundle(BUNDLE, language);
  }

  static String text(ResourceBundle msg, String key, Object... args) {
    return MessageFormat.format(msg.getString(key), args);
  }
}
