package eu.rathaus.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the Kassenzeichen in structured and free remittance text. */
class CreditorReferencesTest {

  private static final String REF =
      PaymentReference.withBody("MUS2026000104").value(); // RF76MUS2026000104

  @Test
  void takesTheStructuredReference() {
    assertThat(CreditorReferences.find(REF, "something else"))
        .map(PaymentReference::value)
        .contains(REF);
  }

  @Test
  void findsTheReferenceInFreeTextWithSpacesAndLowerCase() {
    assertThat(CreditorReferences.find(null, "Gebuehr rf76 mus2 0260 0010 4 danke"))
        .map(PaymentReference::value)
        .contains(REF);
    assertThat(CreditorReferences.find(null, "RF76 MUS2 0260 0010 4"))
        .map(PaymentReference::value)
        .contains(REF);
    assertThat(CreditorReferences.find(null, "Kassenzeichen:" + REF + ", Parkausweis"))
        .map(PaymentReference::value)
        .contains(REF);
  }

  @Test
  void aStructuredFieldWithSpacesStillCounts() {
    assertThat(CreditorReferences.find("rf76 mus2 0260 0010 4", null))
        .map(PaymentReference::value)
        .contains(REF);
  }

  @Test
  void wrongCheckDigitsOrNoReferenceFindNothing() {
    assertThat(CreditorReferences.find("RF77MUS2026000104", "RF77 MUS2 0260 0010 4")).isEmpty();
    assertThat(CreditorReferences.find(null, "Rechnung 4711 vom 20.11.")).isEmpty();
    assertThat(CreditorReferences.find(null, null)).isEmpty();
    // "RF" inside a word is no start of a reference
    assertThat(CreditorReferences.inText("SURF76MUS2026000104")).isEmpty();
  }
}
