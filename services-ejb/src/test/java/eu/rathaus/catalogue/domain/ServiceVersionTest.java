package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.identity.LevelOfAssurance;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceVersionTest {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final ServiceDefinition definition =
      ServiceDefinition.fromScratch(
          UUID.randomUUID(),
          MUSTERSTADT,
          "demo.test",
          "Test",
          new LocalizedText("Testleistung", "Test service"),
          new LocalizedText("Beschreibung", "Description"),
          NOW);

  private static FormDefinitionValidator.Result content(int processingDays) {
    return FormDefinitionValidator.validate(
        Forms.changed(root -> root.put("processingDays", processingDays)));
  }

  private ServiceVersion draft(int number) {
    return ServiceVersion.draft(UUID.randomUUID(), definition, number, content(14), NOW);
  }

  @Test
  void aDraftCopiesTheDocumentsKeyFactsIntoItsColumns() {
    ServiceVersion draft = draft(1);

    assertThat(draft.status()).isEqualTo(ServiceVersionStatus.DRAFT);
    assertThat(draft.municipalityId()).isEqualTo(MUSTERSTADT);
    assertThat(draft.requiredLoa()).isEqualTo(LevelOfAssurance.SUBSTANTIAL);
    assertThat(draft.processingDays()).isEqualTo(14);
    assertThat(draft.definition().fields()).hasSize(16);
    assertThat(definition.isOffered()).isFalse();
  }

  @Test
  void aDraftCanBeEditedAgainAndAgain() {
    ServiceVersion draft = draft(1);

    draft.replaceContent(content(30));
    draft.replaceContent(content(7));

    assertThat(draft.processingDays()).isEqualTo(7);
    assertThat(draft.formJson()).contains("\"processingDays\":7");
    assertThat(draft.definition().processingDays()).isEqualTo(7);
  }

  @Test
  void invalidContentIsNeverStored() {
    ServiceVersion draft = draft(1);
    FormDefinitionValidator.Result invalid = FormDefinitionValidator.validate("{}");

    assertThatThrownBy(() -> draft.replaceContent(invalid))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(draft.processingDays()).isEqualTo(14);
  }

  @Test
  void publishingFreezesTheVersionAndMakesItCurrent() {
    ServiceVersion draft = draft(1);

    definition.publish(draft, NOW);

    assertThat(draft.isPublished()).isTrue();
    assertThat(draft.publishedAt()).isEqualTo(NOW);
    assertThat(definition.currentVersionId()).isEqualTo(draft.id());
    assertThat(definition.isOffered()).isTrue();
    assertThatThrownBy(() -> draft.replaceContent(content(30)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(draft.processingDays()).isEqualTo(14);
    assertThatThrownBy(() -> definition.publish(draft, NOW.plusSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(draft.publishedAt()).isEqualTo(NOW);
  }

  @Test
  void aNewVersionBecomesCurrentWhileTheOldOneStaysUnchanged() {
    ServiceVersion first = draft(1);
    definition.publish(first, NOW);
    String frozen = first.formJson();

    ServiceVersion second =
        ServiceVersion.draft(UUID.randomUUID(), definition, 2, content(30), NOW);
    definition.publish(second, NOW.plusSeconds(60));

    assertThat(definition.currentVersionId()).isEqualTo(second.id());
    assertThat(first.isPublished()).isTrue();
    assertThat(first.formJson()).isEqualTo(frozen);
    assertThat(first.processingDays()).isEqualTo(14);
  }

  @Test
  void aRetiredServiceIsHiddenAndCannotPublishUntilReactivated() {
    ServiceVersion first = draft(1);
    definition.publish(first, NOW);

    definition.retire(NOW);

    assertThat(definition.isOffered()).isFalse();
    assertThat(definition.currentVersionId()).isEqualTo(first.id());
    ServiceVersion second =
        ServiceVersion.draft(UUID.randomUUID(), definition, 2, content(30), NOW);
    assertThatThrownBy(() -> definition.publish(second, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(second.isPublished()).isFalse();

    definition.reactivate();
    definition.publish(second, NOW);
    assertThat(definition.isOffered()).isTrue();
  }

  @Test
  void aVersionOfAnotherServiceCannotBePublishedHere() {
    ServiceDefinition other =
        ServiceDefinition.fromScratch(
            UUID.randomUUID(),
            MUSTERSTADT,
            "demo.other",
            "Test",
            new LocalizedText("Andere", "Other"),
            new LocalizedText("B", "D"),
            NOW);
    ServiceVersion foreign = ServiceVersion.draft(UUID.randomUUID(), other, 1, content(14), NOW);

    assertThatThrownBy(() -> definition.publish(foreign, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(foreign.isPublished()).isFalse();
  }

  @Test
  void adoptingATemplateTakesItsTextsAndKey() {
    ServiceTemplate template =
        new ServiceTemplate(
            UUID.randomUUID(),
            "demo.hund",
            "Steuern",
            new LocalizedText("Hund anmelden", "Register a dog"),
            new LocalizedText("Text", "Text"),
            content(14),
            NOW);

    ServiceDefinition adopted =
        ServiceDefinition.adopt(UUID.randomUUID(), MUSTERSTADT, template, NOW);

    assertThat(adopted.templateId()).isEqualTo(template.id());
    assertThat(adopted.serviceKey()).isEqualTo("demo.hund");
    assertThat(adopted.title().in(java.util.Locale.ENGLISH)).isEqualTo("Register a dog");
    assertThat(adopted.title().in(java.util.Locale.GERMAN)).isEqualTo("Hund anmelden");
  }

  @Test
  void refusesBadServiceKeysAndVersionNumbers() {
    assertThatThrownBy(
            () ->
                ServiceDefinition.fromScratch(
                    UUID.randomUUID(),
                    MUSTERSTADT,
                    "bad key!",
                    "x",
                    new LocalizedText("a", "a"),
                    new LocalizedText("b", "b"),
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ServiceVersion.draft(UUID.randomUUID(), definition, 0, content(14), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
