package eu.rathaus.web.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.catalogue.application.DemoTemplates;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.TemplateDocument;
import eu.rathaus.identity.LevelOfAssurance;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CatalogueTextsTest {

  private final CatalogueTexts german = new CatalogueTexts(Locale.GERMAN);
  private final CatalogueTexts english = new CatalogueTexts(Locale.ENGLISH);

  private static FormDefinition template(String name) {
    return TemplateDocument.read(DemoTemplates.load("/catalogue/templates/" + name + ".json"))
        .template()
        .form()
        .definition();
  }

  @Test
  void feeRangesInGermanAndEnglish() {
    assertThat(german.feeRange(Money.euroCents(3000), Money.euroCents(3000))).isEqualTo("30,00 €");
    assertThat(german.feeRange(Money.euroCents(3000), Money.euroCents(6000)))
        .isEqualTo("30,00 € bis 60,00 €");
    assertThat(german.feeRange(Money.ZERO, Money.ZERO)).isEqualTo("gebührenfrei");
    assertThat(german.feeRange(Money.ZERO, Money.euroCents(1200)))
        .isEqualTo("gebührenfrei bis 12,00 €");
    assertThat(english.feeRange(Money.euroCents(2500), Money.euroCents(5000)))
        .isEqualTo("€25.00 to €50.00");
  }

  @Test
  void feeByChoiceIsShownPerOptionInTheFormsOrder() {
    assertThat(german.feeLines(template("bewohnerparkausweis")))
        .containsExactly("Ein Jahr: 30,00 €", "Zwei Jahre: 60,00 €");
    assertThat(english.feeLines(template("bewohnerparkausweis")))
        .containsExactly("One year: €30.00", "Two years: €60.00");
    assertThat(german.feeLines(template("hundesteuer-anmeldung"))).containsExactly("gebührenfrei");
  }

  @Test
  void levelsUseTheWordsOfTheEid() {
    assertThat(german.level(LevelOfAssurance.LOW)).isEqualTo("niedrig");
    assertThat(german.level(LevelOfAssurance.SUBSTANTIAL)).isEqualTo("substanziell");
    assertThat(german.level(LevelOfAssurance.HIGH)).isEqualTo("hoch");
    assertThat(english.level(LevelOfAssurance.HIGH)).isEqualTo("high");
  }

  @Test
  void deadlineInDays() {
    assertThat(german.processingDays(14)).isEqualTo("in der Regel 14 Tage");
    assertThat(german.processingDays(1)).isEqualTo("in der Regel 1 Tag");
    assertThat(english.processingDays(10)).isEqualTo("usually 10 days");
  }

  @Test
  void documentsComeFromFileFieldsAndConditionalOnesAreMarked() {
    assertThat(german.documents(template("bewohnerparkausweis")))
        .containsExactly(
            "Nachweis der dauerhaften Nutzung (z. B. Bestätigung des Arbeitgebers) (nur wenn es auf Sie zutrifft)",
            "Zulassungsbescheinigung Teil I");
    assertThat(german.documents(template("meldebescheinigung"))).isEmpty();
  }

  @Test
  void attachmentLimitsInPlainWords() {
    AttachmentRules rules =
        new AttachmentRules(
            3, 10 * 1024 * 1024, List.of("application/pdf", "image/jpeg", "image/png"));
    assertThat(german.attachmentLimits(rules))
        .isEqualTo(
            "Sie können bis zu 3 Dateien hochladen, je höchstens 10 MB, als PDF, JPEG oder PNG.");
    assertThat(
            english.attachmentLimits(new AttachmentRules(1, 1_572_864, List.of("application/pdf"))))
        .isEqualTo("You can upload up to 1 file, each at most 1.5 MB, as PDF.");
    assertThat(german.attachmentLimits(AttachmentRules.NONE)).isEmpty();
  }

  @Test
  void knownCategoriesAreTranslatedOthersShownAsWritten() {
    assertThat(english.category("Fundbüro")).isEqualTo("Lost and found");
    assertThat(german.category("Fundbüro")).isEqualTo("Fundbüro");
    assertThat(english.category("Friedhofswesen")).isEqualTo("Friedhofswesen");
  }

  @Test
  void longDescriptionsAreCutAtAWord() {
    assertThat(CatalogueTexts.shorten("kurz", 10)).isEqualTo("kurz");
    assertThat(CatalogueTexts.shorten("eins zwei drei vier", 12)).isEqualTo("eins zwei …");
  }
}
