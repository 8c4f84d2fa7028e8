package eu.rathaus.notices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.notices.application.DecisionNotices;
import eu.rathaus.notices.application.IssuedNotice;
import eu.rathaus.notices.application.NoticeDownload;
import eu.rathaus.notices.application.NoticeSignatory;
import eu.rathaus.notices.application.TextBlockInput;
import eu.rathaus.notices.application.TextBlockOutcome;
import eu.rathaus.notices.application.TextBlocks;
import eu.rathaus.notices.domain.TextBlock;
import eu.rathaus.notices.domain.TextBlockKind;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.LogoCheck;
import eu.rathaus.tenancy.application.MunicipalitySettings;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.PdfText;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decision notices against the real database: a Musterstadt clerk issues an approval and a
 * rejection on a submitted application; the applicant downloads them, another citizen and
 * Beispielheim's staff find nothing (service and row-level security); the PDF at rest is
 * ciphertext; issues and downloads are audited. Text blocks: bad input is refused with nothing
 * stored, good input is saved, edited, deactivated, and stays invisible to another municipality.
 */
@ExtendWith(ArquillianExtension.class)
class DecisionNoticesIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(DecisionNoticesIT.class);
  }

  @Inject ItJourneys journeys;
  @Inject DecisionNotices notices;
  @Inject TextBlocks textBlocks;
  @Inject NoticeSignatory signatory;
  @Inject MunicipalitySettings settings;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private String erika;
  private String max;
  private String clerk;
  private String reference;
  private UUID caseId;

  @BeforeEach
  void erikaHasSubmittedAnApplication() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    erika = "it-erika-" + suffix;
    max = "it-max-" + suffix;
    clerk = "it-mia-" + suffix;
    String serviceKey = journeys.publish("meldebescheinigung", "it.notice-").serviceKey();
    caller.set(TenantScope.citizen(erika));
    reference =
        journeys.submitMeldebescheinigung(
            serviceKey, "Müßig-Öztürk", "erika@example.org", "erika@example.org", null);
    caseId = journeys.caseOf(reference);
  }

  /** Musterstadt's stored logo, read as the platform (null: none). */
  private byte[] musterstadtLogo() throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            (byte[])
                em.createNativeQuery(
                        "select logo from municipality_letterhead where municipality_id = ?1")
                    .setParameter(1, MUSTERSTADT)
                    .getSingleResult());
  }

  private static String logoProblem(List<FieldProblem> problems) {
    assertEquals(1, problems.size(), problems::toString);
    assertEquals(MunicipalitySettings.LOGO, problems.get(0).field());
    return problems.get(0).messageKey();
  }

  /**
   * Issue 18: the letterhead logo. Refused files store nothing, another municipality cannot write
   * it, a notice issued afterwards carries it and one issued before stays exactly as it was.
   */
  @Test
  void logoIsStoredForTheOwnMunicipalityAndPrintedOnNoticesIssuedAfterwards() throws Exception {
    asMusterstadtClerk();
    // The database outlives test runs and this is the seeded municipality: start without a logo.
    settings.removeLogo(clerk);
    IssuedNotice before = notices.issue(caseId, true, "Vor dem Logo erteilt.");
    assertEquals(0, PdfText.imagesOnPage(before.pdf(), 1));
    try {
      BufferedImage image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
      image.setRGB(10, 10, 0x2060a0);
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      assertTrue(ImageIO.write(image, "png", png));
      byte[] logo = png.toByteArray();

      // A text file named logo.png, and a PNG padded past 512 KB: refused, nothing stored.
      assertEquals(
          "settings.logo.type",
          logoProblem(
              settings.storeLogo("kein Bild, nur Text".getBytes(StandardCharsets.UTF_8), clerk)));
      assertEquals(
          "settings.logo.tooLarge",
          logoProblem(settings.storeLogo(Arrays.copyOf(logo, LogoCheck.MAX_BYTES + 1), clerk)));
      assertEquals(null, musterstadtLogo());

      assertEquals(List.of(), settings.storeLogo(logo, clerk));
      assertArrayEquals(logo, musterstadtLogo());
      assertEquals(
          1,
          count(
              TenantScope.platform("it"),
              "select count(*) from audit_entry where action = 'municipality.settings-changed'"
                  + " and municipality_id = ?1 and actor = ?2 and details = 'logo'",
              MUSTERSTADT,
              clerk));
      // A refusal after a stored logo leaves it in place.
      assertEquals(
          "settings.logo.tooLarge",
          logoProblem(settings.storeLogo(new byte[LogoCheck.MAX_BYTES + 1], clerk)));
      assertArrayEquals(logo, musterstadtLogo());

      // Beispielheim's staff: the service works on their own municipality only, and the database
      // refuses their writes to Musterstadt's letterhead (row-level security).
      caller.set(TenantScope.staff(BEISPIELHEIM, "it-ben"));
      settings.removeLogo("it-ben");
      assertArrayEquals(logo, musterstadtLogo());
      assertEquals(
          0,
          (int)
              transactions.call(
                  TenantScope.staff(BEISPIELHEIM, "it-ben"),
                  () ->
                      em.createNativeQuery(
                              "update municipality_letterhead set logo = null, logo_type = null"
                                  + " where municipality_id = ?1")
                          .setParameter(1, MUSTERSTADT)
                          .executeUpdate()));
      assertArrayEquals(logo, musterstadtLogo());

      asMusterstadtClerk();
      IssuedNotice after = notices.issue(caseId, true, "Nach dem Logo erteilt.");
      assertEquals(1, PdfText.imagesOnPage(after.pdf(), 1));
      assertTrue(text(after.pdf()).contains("Stadt Musterstadt – Bürgeramt"));

      // The notice issued before is the stored PDF: unchanged, still without the logo.
      caller.set(TenantScope.citizen(erika));
      byte[] again = notices.download(before.noticeId()).orElseThrow().pdf();
      assertArrayEquals(before.pdf(), again);
      assertEquals(0, PdfText.imagesOnPage(again, 1));
    } finally {
      asMusterstadtClerk();
      settings.removeLogo(clerk);
    }
    assertEquals(null, musterstadtLogo());
  }

  private void asMusterstadtClerk() {
    caller.set(TenantScope.staff(MUSTERSTADT, clerk));
    signatory.set("Mia Sachbearbeiterin");
  }

  /** The notices of this test fit one page; the page-by-page reading is NoticePdfTest's. */
  private static String text(byte[] pdf) throws Exception {
    return PdfText.of(pdf);
  }

  private long count(TenantScope scope, String sql, Object... params) throws Exception {
    return transactions.call(
        scope,
        () -> {
          var query = em.createNativeQuery(sql);
          for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
          }
          return ((Number) query.getSingleResult()).longValue();
        });
  }

  private long audited(String action, UUID subject) throws Exception {
    return count(
        TenantScope.platform("it"),
        "select count(*) from audit_entry where action = ?1 and subject_id = ?2",
        action,
        subject.toString());
  }

  @Test
  void clerkIssuesApplicantDownloadsOthersFindNothing() throws Exception {
    asMusterstadtClerk();
    IssuedNotice approval =
        notices.issue(caseId, true, "Die Voraussetzungen liegen vor.\n\nGebühr: 15 € – bezahlt.");
    IssuedNotice rejection =
        notices.issue(caseId, false, "Unterlagen unvollständig: Nachweis fehlt.");

    String approvalText = text(approval.pdf());
    assertTrue(approvalText.contains("Stadt Musterstadt – Bürgeramt"), approvalText);
    for (String expected :
        List.of(
            "Marktplatz 1",
            "Aktenzeichen: " + reference,
            "Erika Müßig-Öztürk",
            "Genehmigung",
            "wird stattgegeben",
            "Die Voraussetzungen liegen vor.",
            "Gebühr: 15 € – bezahlt.",
            "Rechtsbehelfsbelehrung",
            "innerhalb eines Monats",
            "Klage",
            "Verwaltungsgericht",
            "Im Auftrag",
            "Mia Sachbearbeiterin",
            "Seite 1 von")) {
      assertTrue(
          approvalText.contains(expected), () -> "missing " + expected + " in\n" + approvalText);
    }
    String rejectionText = text(rejection.pdf());
    assertTrue(
        rejectionText.contains("Ablehnung")
            && rejectionText.contains("wird abgelehnt")
            && rejectionText.contains("Unterlagen unvollständig: Nachweis fehlt."),
        rejectionText);
    assertEquals("Bescheid-" + reference + ".pdf", approval.fileName());
    assertEquals(2, notices.ofCase(caseId).size());

    // The bytes at rest are ciphertext, not the PDF.
    byte[] stored =
        transactions.call(
            TenantScope.staff(MUSTERSTADT, clerk),
            () ->
                (byte[])
                    em.createNativeQuery("select ciphertext from decision_notice where id = ?1")
                        .setParameter(1, approval.noticeId())
                        .getSingleResult());
    assertFalse(new String(stored, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    assertFalse(Arrays.equals(stored, approval.pdf()));
    assertEquals(approval.pdf().length + 16, stored.length, "AES-GCM: same length plus the tag");

    // The applicant downloads both, exactly as issued.
    caller.set(TenantScope.citizen(erika));
    Optional<NoticeDownload> mine = notices.download(approval.noticeId());
    assertTrue(mine.isPresent());
    assertArrayEquals(approval.pdf(), mine.get().pdf());
    assertArrayEquals(rejection.pdf(), notices.download(rejection.noticeId()).orElseThrow().pdf());
    assertEquals(2, notices.ofCase(caseId).size());

    // Another citizen, Beispielheim's staff, anonymous: not found.
    caller.set(TenantScope.citizen(max));
    assertTrue(notices.download(approval.noticeId()).isEmpty());
    assertTrue(notices.ofCase(caseId).isEmpty());
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-ben"));
    assertTrue(notices.download(approval.noticeId()).isEmpty());
    assertTrue(notices.ofCase(caseId).isEmpty());
    assertThrows(NoSuchElementException.class, () -> notices.issue(caseId, true, "fremd"));
    caller.set(TenantScope.anonymous());
    assertTrue(notices.download(approval.noticeId()).isEmpty());
    assertThrows(SecurityException.class, () -> notices.issue(caseId, true, "anonym"));

    // Row-level security says the same to a query without any filter.
    String unfiltered = "select count(*) from decision_notice where case_id = ?1";
    assertEquals(2, count(TenantScope.citizen(erika), unfiltered, caseId));
    assertEquals(2, count(TenantScope.staff(MUSTERSTADT, clerk), unfiltered, caseId));
    assertEquals(0, count(TenantScope.citizen(max), unfiltered, caseId));
    assertEquals(0, count(TenantScope.staff(BEISPIELHEIM, "it-ben"), unfiltered, caseId));
    assertEquals(
        0,
        count(TenantScope.platform("it"), unfiltered, caseId),
        "platform operators read no notices");

    // Every issue and every download is in the audit chain.
    assertEquals(1, audited("notice.issued", approval.noticeId()));
    assertEquals(1, audited("notice.issued", rejection.noticeId()));
    assertEquals(1, audited("notice.downloaded", approval.noticeId()));
    assertEquals(1, audited("notice.downloaded", rejection.noticeId()));
  }

  @Test
  void blankReasonsAreRefusedAndNothingIsStored() throws Exception {
    asMusterstadtClerk();
    assertThrows(IllegalArgumentException.class, () -> notices.issue(caseId, true, "  \n "));
    assertEquals(
        0,
        count(
            TenantScope.staff(MUSTERSTADT, clerk),
            "select count(*) from decision_notice where case_id = ?1",
            caseId));
  }

  @Test
  void textBlocksRefuseBadInputAndStayWithTheirMunicipality() throws Exception {
    caller.set(TenantScope.staff(MUSTERSTADT, clerk));
    String title = "IT-Baustein " + UUID.randomUUID().toString().substring(0, 8);
    String countSql = "select count(*) from decision_text_block where title like 'IT-Baustein%'";
    long before = count(TenantScope.staff(MUSTERSTADT, clerk), countSql);

    TextBlockOutcome blank =
        textBlocks.create(new TextBlockInput(TextBlockKind.APPROVAL, "  ", "", 10));
    assertEquals(
        List.of("title", "body"), blank.problems().stream().map(FieldProblem::field).toList());
    assertEquals("textblocks.problem.title.required", blank.problems().get(0).messageKey());
    TextBlockOutcome tooLong =
        textBlocks.create(new TextBlockInput(null, title, "x".repeat(4001), 10_000));
    assertEquals(
        List.of(
            "textblocks.problem.kind",
            "textblocks.problem.body.tooLong",
            "textblocks.problem.order"),
        tooLong.problems().stream().map(FieldProblem::messageKey).toList());
    assertFalse(
        textBlocks
            .create(new TextBlockInput(TextBlockKind.APPROVAL, "Tab\u0007", "Text", 1))
            .isSaved());
    assertEquals(before, count(TenantScope.staff(MUSTERSTADT, clerk), countSql), "nothing stored");

    TextBlockOutcome saved =
        textBlocks.create(
            new TextBlockInput(
                TextBlockKind.APPROVAL,
                " " + title + " ",
                "Die Unterlagen sind vollständig.\r\nDer Antrag ist begründet.",
                5));
    assertTrue(saved.isSaved());
    TextBlock stored = textBlocks.find(saved.id()).orElseThrow();
    assertEquals(title, stored.getTitle());
    assertEquals("Die Unterlagen sind vollständig.\nDer Antrag ist begründet.", stored.getBody());
    assertTrue(textBlocks.forDecision(true).stream().anyMatch(b -> b.getId().equals(saved.id())));
    assertTrue(textBlocks.forDecision(false).stream().noneMatch(b -> b.getId().equals(saved.id())));

    assertFalse(
        textBlocks
            .update(saved.id(), new TextBlockInput(TextBlockKind.REJECTION, title, " ", 5))
            .isSaved());
    assertEquals(
        TextBlockKind.APPROVAL,
        textBlocks.find(saved.id()).orElseThrow().getKind(),
        "refused edit changed nothing");
    assertTrue(
        textBlocks
            .update(
                saved.id(),
                new TextBlockInput(TextBlockKind.REJECTION, title, "Nicht begründet.", 5))
            .isSaved());
    assertTrue(textBlocks.forDecision(false).stream().anyMatch(b -> b.getId().equals(saved.id())));
    textBlocks.setActive(saved.id(), false);
    assertTrue(textBlocks.forDecision(false).stream().noneMatch(b -> b.getId().equals(saved.id())));
    assertFalse(textBlocks.find(saved.id()).orElseThrow().isActive());

    // Beispielheim's staff neither see nor change it; RLS agrees.
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-ben"));
    assertTrue(textBlocks.find(saved.id()).isEmpty());
    assertTrue(textBlocks.all().stream().noneMatch(b -> b.getId().equals(saved.id())));
    assertThrows(
        NoSuchElementException.class,
        () ->
            textBlocks.update(saved.id(), new TextBlockInput(TextBlockKind.APPROVAL, "x", "y", 1)));
    assertThrows(NoSuchElementException.class, () -> textBlocks.setActive(saved.id(), true));
    assertEquals(
        0,
        count(
            TenantScope.staff(BEISPIELHEIM, "it-ben"),
            "select count(*) from decision_text_block where id = ?1",
            saved.id()));
    caller.set(TenantScope.citizen(erika));
    assertThrows(SecurityException.class, () -> textBlocks.all());
    assertEquals(0, count(TenantScope.citizen(erika), "select count(*) from decision_text_block"));

    // The demo legal remedy block of each municipality exists; every change is audited.
    caller.set(TenantScope.staff(MUSTERSTADT, clerk));
    assertFalse(textBlocks.active(TextBlockKind.LEGAL_REMEDY).isEmpty());
    assertEquals(1, audited("textblock.created", saved.id()));
    assertEquals(
        2, audited("textblock.updated", saved.id()) + audited("textblock.deactivated", saved.id()));
  }
}
