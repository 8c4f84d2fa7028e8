package eu.rathaus.web.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import eu.rathaus.applications.application.Receipt;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.domain.ScanStatus;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.notices.domain.Letterhead;
import eu.rathaus.notices.domain.NoticeContent;
import eu.rathaus.notices.infrastructure.NoticePdf;
import eu.rathaus.payments.domain.PaymentState;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every kind of PDF the portal generates — the application receipt (with and without the GiroCode,
 * German and English) and the notice (approval and multi-page rejection, with PNG and JPEG logo,
 * German and English) — validated by veraPDF against PDF/UA-1 and PDF/A-3a. A single failed rule
 * fails the test, which lists every failed rule with its clause and what veraPDF found.
 */
class PdfConformanceTest {

  @BeforeAll
  static void veraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  static List<Arguments> documents() throws Exception {
    return List.of(
        Arguments.of("receipt de, unpaid, GiroCode", receiptWithTransfer(Locale.GERMAN)),
        Arguments.of("receipt en, unpaid, GiroCode", receiptWithTransfer(Locale.ENGLISH)),
        Arguments.of(
            "receipt de, paid",
            ReceiptPdf.render(
                receipt(), Locale.GERMAN, ReceiptPaymentPdfTest.payment(PaymentState.PAID), null)),
        Arguments.of("receipt en, fee-free", ReceiptPdf.render(receipt(), Locale.ENGLISH)),
        Arguments.of(
            "notice de, approval, PNG logo with transparency",
            NoticePdf.render(notice(true, "Die Voraussetzungen liegen vor.", logo("png")))),
        Arguments.of(
            "notice en, multi-page rejection, JPEG logo",
            NoticePdf.render(notice(false, longReasons(), logo("jpg")), Locale.ENGLISH)),
        Arguments.of(
            "notice de, name-only letterhead, anonymous, no signatory",
            NoticePdf.render(anonymous())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void conformsToPdfUa1(String name, byte[] pdf) throws Exception {
    assertConforms(name, pdf, PDFAFlavour.PDFUA_1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void conformsToPdfA3a(String name, byte[] pdf) throws Exception {
    assertConforms(name, pdf, PDFAFlavour.PDFA_3_A);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void isTaggedWithTitleShownAndLanguage(String name, byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
      assertThat(document.getDocumentInformation().getTitle()).isNotBlank();
      assertThat(document.getDocumentCatalog().getLanguage()).matches("de-DE|en");
    }
  }

  /** The check itself can fail: a PDF made without tags, language and metadata is refused. */
  @Test
  void anUntaggedPdfIsRefused() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.save(plain);
    }
    assertThat(failures(plain.toByteArray(), PDFAFlavour.PDFUA_1)).isNotEmpty();
    assertThat(failures(plain.toByteArray(), PDFAFlavour.PDFA_3_A)).isNotEmpty();
  }

  private static void assertConforms(String name, byte[] pdf, PDFAFlavour flavour)
      throws Exception {
    // Kept for looking at them (target/pdf-conformance), e.g. with a screen reader or pdftoppm.
    Path dir = Path.of("target", "pdf-conformance");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".pdf"), pdf);
    String failures = failures(pdf, flavour);
    if (!failures.isEmpty()) {
      fail(name + " violates " + flavour.getId() + ":\n  " + failures);
    }
  }

  /** Every failed rule, one a line, empty when the document conforms. */
  private static String failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
    try (PDFAParser parser =
            Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      ValidationResult result = validator.validate(parser);
      if (result.isCompliant()) {
        return "";
      }
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(
              a ->
                  a.getRuleId().getClause()
                      + "-"
                      + a.getRuleId().getTestNumber()
                      + ": "
                      + a.getMessage()
                      + " ["
                      + a.getErrorMessage()
                      + "] at "
                      + a.getLocation().getContext())
          .distinct()
          .collect(Collectors.joining("\n  "));
    }
  }

  private static byte[] receiptWithTransfer(Locale locale) throws Exception {
    return ReceiptPdf.render(
        receipt(),
        locale,
        ReceiptPaymentPdfTest.payment(PaymentState.OPEN),
        ReceiptPaymentPdfTest.transfer());
  }

  private static Receipt receipt() throws Exception {
    String answers =
        "{\"firstNames\":\"Łukasz <b>\",\"lastName\":\"Şahin\",\"birthDate\":\"1964-08-12\","
            + "\"certificateType\":\"extended\",\"delivery\":\"mailbox\",\"email\":\"lm@example.org\"}";
    return new Receipt(
        "Musterstadt",
        new LocalizedText("Meldebescheinigung beantragen", "Apply for a registration certificate"),
        "MUS-2026-000042",
        Instant.parse("2026-05-01T08:15:00Z"),
        StepValuesTest.melde(),
        answers,
        Money.euroCents(1500),
        List.of(
            new AttachmentSummary(
                UUID.randomUUID(),
                "Zulassung.pdf",
                "application/pdf",
                48_213,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                ScanStatus.CLEAN,
                UUID.randomUUID(),
                Instant.parse("2026-05-01T08:10:00Z"))),
        UUID.randomUUID());
  }

  private static NoticeContent notice(boolean approved, String reasons, byte[] logo) {
    return new NoticeContent(
        new Letterhead(
            "Gemeinde Beispielheim – Ordnungsamt",
            List.of("Rathausplatz 3", "12345 Beispielheim"),
            "+49 1234 5678-0",
            "ordnungsamt@beispielheim.example",
            "beispielheim.example",
            logo),
        new NoticeContent.Applicant("Zoë Øster-Şahin", List.of("Am Anger 7", "12345 Beispielheim")),
        "BSP-2026-000107",
        "Sondernutzungserlaubnis",
        Instant.parse("2026-03-09T10:00:00Z"),
        LocalDate.of(2026, 3, 20),
        approved,
        reasons,
        "Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch erhoben werden.",
        "Mia Sachbearbeiterin");
  }

  /** The least a notice can have: the authority's name only, no addressee name, no signatory. */
  private static NoticeContent anonymous() {
    NoticeContent full = notice(true, "Gut.", null);
    return new NoticeContent(
        Letterhead.nameOnly("Beispielheim"),
        new NoticeContent.Applicant("", List.of()),
        full.reference(),
        full.serviceTitle(),
        full.submittedAt(),
        full.issuedOn(),
        full.approved(),
        full.reasons(),
        full.legalRemedy(),
        null);
  }

  private static String longReasons() {
    return String.join(
        "\n\n",
        Collections.nCopies(
            40, "The documents required were not submitted in full although they were requested."));
  }

  /** A small coat of arms: PNG with an alpha channel, or JPEG. */
  private static byte[] logo(String format) throws Exception {
    boolean png = format.equals("png");
    BufferedImage image =
        new BufferedImage(120, 60, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    if (!png) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 120, 60);
    }
    g.setColor(new Color(0, 70, 140));
    g.fillOval(10, 5, 50, 50);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
