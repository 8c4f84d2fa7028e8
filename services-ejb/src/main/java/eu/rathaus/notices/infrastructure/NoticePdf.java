package eu.rathaus.notices.infrastructure;

import eu.rathaus.documents.application.AccessiblePdf;
import eu.rathaus.notices.domain.Letterhead;
import eu.rathaus.notices.domain.NoticeContent;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.w3c.dom.Element;

/**
 * Renders a notice (Bescheid) as an accessible PDF (PDF/UA-1 and PDF/A-3a, see {@link
 * AccessiblePdf}): letterhead with logo, return address and addressee, the authority's contact
 * details, date and reference ("Aktenzeichen"), the subject as the document's heading, the
 * decision, its reasons, the legal remedy instruction, the "Im Auftrag" signature and "Seite x von
 * y" on every page (an artifact, not part of the text read aloud).
 *
 * <p>The notice is written in the citizen's language where the portal has a translation (German and
 * English); the German notice is the default.
 */
public final class NoticePdf {

  private static final String BUNDLE = "eu.rathaus.notices.notice";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  private NoticePdf() {}

  /** The file name a notice is delivered under; only characters every file system accepts. */
  public static String fileName(String reference) {
    return fileName(reference, Locale.GERMAN);
  }

  public static String fileName(String reference, Locale language) {
    return text(bundle(language), "notice.fileName", reference.replaceAll("[^A-Za-z0-9-]", "_"));
  }

  /** The notice in German. */
  public static byte[] render(NoticeContent notice) {
    return render(notice, Locale.GERMAN);
  }

  /** The notice in {@code language} if the portal has that translation, German otherwise. */
  public static byte[] render(NoticeContent notice, Locale language) {
    ResourceBundle msg = bundle(language);
    Locale written = "en".equals(msg.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.GERMANY;
    String subject = text(msg, "notice.subject", notice.serviceTitle(), date(notice));
    Letterhead head = notice.letterhead();
    AccessiblePdf pdf =
        new AccessiblePdf(
                text(msg, "notice.documentTitle", notice.reference()),
                written,
                msg.getString("notice.page"))
            .describe(head.authorityName(), subject);
    Element body = pdf.body();
    pdf.letterhead(
        head.authorityName(), head.logo(), text(msg, "notice.logo.alt", head.authorityName()));

    Element columns = pdf.block(body, "columns");
    Element recipient = pdf.block(columns, "left");
    pdf.paragraph(recipient, head.returnAddress(), "small");
    List<String> addressee = new ArrayList<>();
    if (!notice.applicant().name().isEmpty()) {
      addressee.add(notice.applicant().name());
    }
    addressee.addAll(notice.applicant().addressLines());
    if (!addressee.isEmpty()) {
      pdf.lines(recipient, addressee, null);
    }
    Element facts = pdf.block(columns, "right");
    List<String> contact = new ArrayList<>(head.addressLines());
    if (head.phone() != null) {
      contact.add(text(msg, "notice.phone", head.phone()));
    }
    if (head.email() != null) {
      contact.add(text(msg, "notice.email", head.email()));
    }
    if (head.webAddress() != null) {
      contact.add(text(msg, "notice.web", head.webAddress()));
    }
    if (!contact.isEmpty()) {
      pdf.lines(facts, contact, "small");
    }
    pdf.lines(
        facts,
        List.of(
            text(msg, "notice.date", DATE.format(notice.issuedOn())),
            text(msg, "notice.reference", notice.reference())),
        "facts");
    pdf.clear(columns);

    pdf.heading(body, 1, subject);
    pdf.paragraph(
        body,
        notice.applicant().name().isEmpty()
            ? msg.getString("notice.greeting.anonymous")
            : text(msg, "notice.greeting.named", notice.applicant().name()));

    pdf.heading(body, 2, msg.getString("notice.decision.heading"));
    pdf.heading(
        body,
        3,
        msg.getString(
            notice.approved() ? "notice.decision.approved.word" : "notice.decision.rejected.word"));
    pdf.paragraph(
        body,
        text(
            msg,
            notice.approved() ? "notice.decision.approved" : "notice.decision.rejected",
            notice.serviceTitle(),
            date(notice)));

    pdf.heading(body, 2, msg.getString("notice.reasons.heading"));
    for (String part : notice.reasons().strip().split("\\R\\s*\\R")) {
      pdf.paragraph(body, part.strip());
    }
    pdf.heading(body, 2, msg.getString("notice.remedy.heading"));
    for (String part : notice.legalRemedy().strip().split("\\R\\s*\\R")) {
      pdf.paragraph(body, part.strip());
    }

    Element signature = pdf.block(body, "keep");
    pdf.paragraph(signature, msg.getString("notice.closing"))
        .setAttribute("style", "margin-top: 18pt;");
    pdf.paragraph(signature, msg.getString("notice.onBehalf"))
        .setAttribute("style", "margin-top: 10pt;");
    if (!notice.signatory().isEmpty()) {
      pdf.paragraph(signature, notice.signatory());
    }
    pdf.paragraph(body, msg.getString("notice.electronic"), "small")
        .setAttribute("style", "margin-top: 14pt;");
    return pdf.render();
  }

  /** A text of the notice bundle in {@code language} (German where there is no translation). */
  public static String text(Locale language, String key) {
    return bundle(language).getString(key);
  }

  private static ResourceBundle bundle(Locale language) {
    return ResourceBundle.getBundle(
        BUNDLE,
        language != null && "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static String date(NoticeContent notice) {
    return DATE.format(notice.submittedAt().atZone(GERMAN_TIME));
  }

  private static String text(ResourceBundle msg, String key, Object... args) {
    return MessageFormat.format(msg.getString(key), args);
  }
}
