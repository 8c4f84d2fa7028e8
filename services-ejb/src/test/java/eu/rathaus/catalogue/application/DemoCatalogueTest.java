package eu.rathaus.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.catalogue.domain.FeeRule;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.TemplateDocument;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

  private static Map<String, String> templateForms() {
    return DemoTemplates.RESOURCES.stream()
        .map(r -> TemplateDocument.read(DemoTemplates.load(r)).template())
        .collect(Collectors.toMap(TemplateDocument::serviceKey, t -> t.form().canonicalJson()));
  }

  private static FormDefinition adopted(String slug, String serviceKey) {
    String json =
        DemoCatalogue.PLAN.get(slug).get(serviceKey).applyTo(templateForms().get(serviceKey));
    FormDefinitionValidator.Result result = FormDefinitionValidator.validate(json);
    assertThat(result.problems()).as(slug + " " + serviceKey).isEmpty();
    return result.definition();
  }

  @Test
  void bothDemoMunicipalitiesOfferAllFiveTemplates() {
    Set<String> keys = templateForms().keySet();
    assertThat(DemoCatalogue.PLAN.keySet())
        .containsExactlyInAnyOrder("musterstadt", "beispielheim");
    DemoCatalogue.PLAN.values().forEach(terms -> assertThat(terms.keySet()).isEqualTo(keys));
  }

  @Test
  void everyAdoptedFormIsStillValid() {
    DemoCatalogue.PLAN.forEach((slug, terms) -> terms.keySet().forEach(key -> adopted(slug, key)));
  }

  @Test
  void parkingPermitCostsDifferentlyInTheTwoMunicipalities() {
    FeeRule musterstadt = adopted("musterstadt", "demo.bewohnerparkausweis").fee();
    FeeRule beispielheim = adopted("beispielheim", "demo.bewohnerparkausweis").fee();

    assertThat(musterstadt)
        .isEqualTo(
            new FeeRule.ByChoice(
                "validity",
                Map.of("oneYear", Money.euroCents(3000), "twoYears", Money.euroCents(6000))));
    assertThat(beispielheim)
        .isEqualTo(
            new FeeRule.ByChoice(
                "validity",
                Map.of("oneYear", Money.euroCents(2500), "twoYears", Money.euroCents(5000))));
    assertThat(adopted("beispielheim", "demo.bewohnerparkausweis").processingDays()).isEqualTo(7);
  }

  @Test
  void birthCertificatesForPensionsStayFreeEverywhere() {
    for (String slug : DemoCatalogue.PLAN.keySet()) {
      FeeRule.ByChoice fee = (FeeRule.ByChoice) adopted(slug, "demo.geburtsurkunde").fee();
      assertThat(fee.amounts().get("pension")).isEqualTo(Money.ZERO);
    }
  }

  @Test
  void fixedFeeAndDeadlineAreReplaced() {
    String form = templateForms().get("demo.hundesteuer-anmeldung");
    FormDefinition changed =
        FormDefinitionValidator.validate(
                LocalTerms.fees(Map.of(LocalTerms.FIXED, 500L)).withProcessingDays(3).applyTo(form))
            .definition();

    assertThat(changed.fee()).isEqualTo(new FeeRule.Fixed(Money.euroCents(500)));
    assertThat(changed.processingDays()).isEqualTo(3);
  }

  @Test
  void aFeeForAnUnknownChoiceIsNotDroppedButRefusedByTheValidator() {
    String form = templateForms().get("demo.bewohnerparkausweis");
    String changed = LocalTerms.fees(Map.of("threeYears", 9000L)).applyTo(form);

    assertThat(FormDefinitionValidator.validate(changed).isValid()).isFalse();
  }

  @Test
  void notAFormIsRefused() {
    assertThatThrownBy(() -> LocalTerms.fees(Map.of()).applyTo("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void demoDataIsOffUnlessSwitchedOn() {
    String before = System.getProperty(DemoCatalogue.SWITCH);
    try {
      System.setProperty(DemoCatalogue.SWITCH, "false");
      assertThat(DemoCatalogue.enabled()).isFalse();
      System.setProperty(DemoCatalogue.SWITCH, " TRUE ");
      assertThat(DemoCatalogue.enabled()).isTrue();
    } finally {
      if (before == null) {
        System.clearProperty(DemoCatalogue.SWITCH);
      } else {
        System.setProperty(DemoCatalogue.SWITCH, before);
      }
    }
  }
}
