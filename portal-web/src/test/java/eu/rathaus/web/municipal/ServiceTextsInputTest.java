package eu.rathaus.web.municipal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.domain.LocalizedText;
import org.junit.jupiter.api.Test;

class ServiceTextsInputTest {

  @Test
  void typedTextsAreTrimmedAndAnEmptyEnglishTextIsNone() {
    ServiceTextsInput in = new ServiceTextsInput();
    in.setCategory("  Abfall ");
    in.setTitleDe(" Sperrmüll ");
    in.setTitleEn("  ");
    in.setDescriptionEn(" Bulky waste ");
    assertThat(in.trimmedCategory()).isEqualTo("Abfall");
    assertThat(in.title()).isEqualTo(new LocalizedText("Sperrmüll", null));
    assertThat(in.description()).isEqualTo(new LocalizedText("", "Bulky waste"));
    assertThat(new ServiceTextsInput().trimmedCategory()).isEmpty();
  }

  @Test
  void storedTextsAreReadBackUnchanged() {
    ServiceTextsInput in =
        ServiceTextsInput.of(
            new ServiceAdministration.Texts(
                "Abfall", new LocalizedText("Titel", "Title"), new LocalizedText("Text", null)));
    assertThat(in.getCategory()).isEqualTo("Abfall");
    assertThat(in.title()).isEqualTo(new LocalizedText("Titel", "Title"));
    assertThat(in.description()).isEqualTo(new LocalizedText("Text", null));
  }
}
