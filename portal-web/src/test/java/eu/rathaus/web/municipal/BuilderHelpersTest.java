package eu.rathaus.web.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.Problem;
import org.junit.jupiter.api.Test;

/** Where the builder puts a validator problem, and how euro amounts typed by admins are read. */
class BuilderHelpersTest {

  @Test
  void schemaProblemsOfAFieldAreLocatedAtStepFieldAndProperty() {
    String form =
        """
        {"formatVersion":1,"steps":[{"key":"one","title":{"de":"Eins","en":"One"},"fields":[
          {"key":"ok","type":"text","label":{"de":"A","en":"A"}},
          {"key":"Bad Key","type":"text","label":{"de":"B","en":"B"}}]}],
         "fee":{"type":"fixed","amountCents":0},"levelOfAssurance":"LOW","processingDays":3}
        """;
    Problem problem = FormDefinitionValidator.validate(form).problems().get(0);
    assertThat(ProblemTexts.location(problem)).hasValue(new ProblemTexts.Location(0, 1, "key"));
  }

  @Test
  void semanticProblemsHaveNoSchemaLocation() {
    assertThat(ProblemTexts.location(Problem.of("name", "catalogue.definition.duplicateFieldKey", "name"))).isEmpty();
  }

  @Test
  void eurosAreReadWithCommaOrPoint() {
    assertThat(ServicesAdminView.Euros.toCents("12,50")).isEqualTo(1250L);
    assertThat(ServicesAdminView.Euros.toCents("12.5")).isEqualTo(1250L);
    assertThat(ServicesAdminView.Euros.toCents(" 7 € ")).isEqualTo(700L);
    assertThat(ServicesAdminView.Euros.toCents("-1")).isNull();
    assertThat(ServicesAdminView.Euros.toCents("1,234")).isNull();
    assertThat(ServicesAdminView.Euros.fromCents(1250)).isEqualTo("12,50");
  }
}
