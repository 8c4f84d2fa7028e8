package eu.rathaus.notices.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicantAddressTest {

  @Test
  void nameAndPostalAddressComeFromTheAnswers() {
    NoticeContent.Applicant a =
        ApplicantAddress.fromAnswers(
            "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\","
                + "\"address\":{\"street\":\"Hauptstraße\",\"houseNumber\":\"1\",\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}}");

    assertThat(a.name()).isEqualTo("Erika Mustermann");
    assertThat(a.addressLines()).containsExactly("Hauptstraße 1", "12345 Musterstadt");
  }

  @Test
  void recipientNameAndPostalAddressAreTheFallbacks() {
    NoticeContent.Applicant a =
        ApplicantAddress.fromAnswers(
            "{\"recipientName\":\"Max Muster\","
                + "\"postalAddress\":{\"street\":\"Weg\",\"postalCode\":\"99999\",\"city\":\"Ort\"}}");

    assertThat(a.name()).isEqualTo("Max Muster");
    assertThat(a.addressLines()).isEqualTo(List.of("Weg", "99999 Ort"));
  }

  @Test
  void noNameNoAddressIsBlankNotAnError() {
    NoticeContent.Applicant a = ApplicantAddress.fromAnswers("{\"item\":{\"x\":1}}");

    assertThat(a.name()).isEmpty();
    assertThat(a.addressLines()).isEmpty();
  }
}
