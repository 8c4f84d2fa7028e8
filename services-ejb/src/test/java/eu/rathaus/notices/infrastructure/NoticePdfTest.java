package eu.rathaus.notices.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.notices.domain.Letterhead;
import eu.rathaus.notices.domain.NoticeContent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class NoticePdfTest {

  private static final Letterhead MUSTERSTADT =
      new Letterhead(
          "Stadt Musterstadt – Bürgeramt",
          List.of("Marktplatz 1", "91099 Musterstadt"),
          "09131 123-0",
          "buergeramt@musterstadt.de",
          "www.musterstadt.de");

  private static NoticeContent notice(boolean approved, String reasons) {
    return new NoticeContent(
        MUSTERSTADT,
        new NoticeContent.Applicant(
            "Jürgen Großmann <b>", List.of("Hauptstraße 1", "91099 Musterstadt")),
        "MUS-2026-000042",
        "Bewohnerparkausweis",
        Instant.parse("2026-05-01T22:30:00Z"),
        LocalDate.of(2026, 5, 12),
        approved,
        reasons,
        "Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Widerspruch erhoben werden.",
        "Mia Sachbearbeiterin");
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // Lines wrap where the layout wants; the assertions are about words, not line breaks.
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void approvalCarriesLetterheadReferenceDecisionReasonsRemedyAndSignature() throws Exception {
    byte[] pdf =
        NoticePdf.render(
            notice(true, "Die Voraussetzungen liegen vor.\n\nDie Gebühr wurde entrichtet."));

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(text)
        .contains(
            "Stadt Musterstadt – Bürgeramt",
            "Marktplatz 1",
            "buergeramt@musterstadt.de",
            "Aktenzeichen: MUS-2026-000042",
            "Datum: 12.05.2026",
            // submitted at 00:30 German time on 2 May, not 1 May as UTC would say
            "Bescheid über Ihren Antrag „Bewohnerparkausweis“ vom 02.05.2026",
            "Jürgen Großmann <b>",
            "Hauptstraße 1",
            "Genehmigung",
            "wird stattgegeben",
            "Begründung",
            "Die Voraussetzungen liegen vor.",
            "Die Gebühr wurde entrichtet.",
            "Rechtsbehelfsbelehrung",
            "innerhalb eines Monats",
            "Widerspruch",
            "Im Auftrag",
            "Mia Sachbearbeiterin",
            "Seite 1 von 1");
    assertThat(text).doesNotContain("Ablehnung");
  }

  @Test
  void rejectionSaysSoAndLongReasonsGetMorePagesWithNumbers() throws Exception {
    String reasons =
        String.join(
            "\n\n",
            java.util.Collections.nCopies(
                40,
                "Die erforderlichen Unterlagen wurden trotz Aufforderung nicht vollständig vorgelegt; die Prüfung der Voraussetzungen ist so nicht möglich."));

    byte[] pdf = NoticePdf.render(notice(false, reasons));

    PDDocument document = Loader.loadPDF(pdf);
    int pages = document.getNumberOfPages();
    assertThat(pages).isGreaterThan(1);
    String text = text(pdf);
    assertThat(text)
        .contains(
            "Ablehnung",
            "wird abgelehnt",
            "Seite 1 von " + pages,
            "Seite " + pages + " von " + pages);
    assertThat(text).doesNotContain("stattgegeben");
    assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("de-DE");
    assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Bescheid MUS-2026-000042");
    assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
    document.close();
  }

  @Test
  void aNoticeWithoutApplicantNameGreetsFormally() throws Exception {
    NoticeContent anonymous =
        new NoticeContent(
            Letterhead.nameOnly("Beispielheim"),
            new NoticeContent.Applicant("", List.of()),
            "BSP-2026-000001",
            "Fundsache",
            Instant.parse("2026-05-01T08:00:00Z"),
            LocalDate.of(2026, 5, 2),
            true,
            "Gut.",
            "Widerspruch binnen eines Monats.",
            null);

    String text = text(NoticePdf.render(anonymous));

    assertThat(text).contains("Beispielheim", "Sehr geehrte Damen und Herren,", "Im Auftrag");
    assertThat(NoticePdf.fileName("BSP-2026-000001")).isEqualTo("Bescheid-BSP-2026-000001.pdf");
  }

  @Test
  void anEnglishSpeakingCitizenGetsTheNoticeInEnglish() throws Exception {
    byte[] pdf = NoticePdf.render(notice(true, "All requirements are met."), Locale.ENGLISH);

    String text = text(pdf);
    assertThat(text)
        .contains(
            "Stadt Musterstadt – Bürgeramt",
            "Reference: MUS-2026-000042",
            "Notice on your application “Bewohnerparkausweis” of 02.05.2026",
            "Approval",
            "Statement of reasons",
            "All requirements are met.",
            "Page 1 of 1");
    assertThat(text).doesNotContain("Aktenzeichen", "Begründung");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
    }
    assertThat(NoticePdf.fileName("MUS-2026-000042", Locale.ENGLISH))
        .isEqualTo("Notice-MUS-2026-000042.pdf");
  }
}
