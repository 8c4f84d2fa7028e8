package eu.rathaus.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings rules without a database: every problem at once, at its field. */
class MunicipalitySettingsCheckTest {

  private static List<String> problems(SettingsForm form, boolean payeeSet) {
    return MunicipalitySettings.check(MunicipalitySettings.normalised(form), payeeSet).stream()
        .map(p -> p.field() + ":" + p.messageKey())
        .toList();
  }

  private static SettingsForm valid() {
    SettingsForm form = new SettingsForm();
    form.setReferenceCode(" see ");
    form.setPayeeName("Gemeindekasse Seebach");
    form.setPayeeIban("de89 3704 0044 0532 0130 00");
    form.setPayeeBic("cobadeff xxx");
    form.setAuthorityName("Gemeinde Seebach");
    form.setAddressLine1("Am See 1");
    form.setDpoName("Dana Datenschutz");
    form.setDpoContact("datenschutz@seebach.de");
    form.setOpeningHours("Mo–Fr 8–12 Uhr\nDo 14–18 Uhr");
    return form;
  }

  @Test
  void aCompleteFormPassesAndIsNormalised() {
    assertThat(problems(valid(), false)).isEmpty();
    SettingsForm normalised = MunicipalitySettings.normalised(valid());
    assertThat(normalised.getReferenceCode()).isEqualTo("SEE");
    assertThat(normalised.getPayeeBic()).isEqualTo("COBADEFFXXX");
  }

  @Test
  void nothingButTheCodeIsAlsoFineBeforeAnyPayeeAccountExists() {
    SettingsForm form = new SettingsForm();
    form.setReferenceCode("SEE");
    assertThat(problems(form, false)).isEmpty();
  }

  @Test
  void ibanCheckDigitsBicFormatAndCodeAreCheckedTogether() {
    SettingsForm form = valid();
    form.setPayeeIban("DE89 3704 0044 0532 0130 01");
    form.setPayeeBic("COBA");
    form.setReferenceCode("S1E");
    form.setEmail("no address");
    assertThat(problems(form, false))
        .containsExactlyInAnyOrder(
            "payeeIban:settings.iban.checksum",
            "payeeBic:settings.bic.format",
            "referenceCode:settings.code.format",
            "email:settings.email.format");
  }

  @Test
  void aPayeeAccountNeedsNameAndIbanAndCannotBeRemovedOnceSet() {
    SettingsForm onlyBic = new SettingsForm();
    onlyBic.setReferenceCode("SEE");
    onlyBic.setPayeeBic("COBADEFFXXX");
    assertThat(problems(onlyBic, false))
        .containsExactlyInAnyOrder(
            "payeeName:settings.payee.name.required", "payeeIban:settings.iban.required");
    SettingsForm cleared = new SettingsForm();
    cleared.setReferenceCode("SEE");
    assertThat(problems(cleared, true))
        .containsExactlyInAnyOrder(
            "payeeName:settings.payee.keep", "payeeIban:settings.payee.keep");
  }

  @Test
  void aLetterheadNeedsAuthorityAndStreetAndTextsHaveLimits() {
    SettingsForm form = valid();
    form.setAuthorityName(" ");
    form.setPhone("0800 1\u0007");
    form.setOpeningHours("x".repeat(1001));
    form.setDpoContact(null);
    assertThat(problems(form, false))
        .containsExactlyInAnyOrder(
            "authorityName:settings.letterhead.required",
            "phone:settings.text.invalid",
            "openingHours:settings.text.invalid",
            "dpoContact:settings.dpo.contact.required");
  }
}
