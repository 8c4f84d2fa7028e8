package eu.rathaus.privacy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.catalogue.application.DemoTemplates;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.ServiceListing;
import eu.rathaus.identity.LevelOfAssurance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service's processing activity follows from its own configuration, by rule. */
class ProcessingActivityTest {

  private static FormDefinition form(String template) throws Exception {
    String json = DemoTemplates.load("/catalogue/templates/" + template + ".json");
    return FormDefinitionValidator.readTrusted(
        new ObjectMapper().readTree(json).get("form").toString());
  }

  private static ServiceListing listing(String key, String category, long maxCents) {
    return new ServiceListing(
        key,
        category,
        new LocalizedText("Titel", "Title"),
        new LocalizedText("Beschreibung", "Description"),
        1,
        Money.ZERO,
        Money.euroCents(maxCents),
        LevelOfAssurance.SUBSTANTIAL,
        5);
  }

  @Test
  void aServiceWithAFeeNamesPaymentRecipientsBudgetLawAndPaymentRetention() throws Exception {
    ProcessingActivity a =
        ProcessingActivity.of(
            listing("demo.meldebescheinigung", "Meldewesen", 1500), form("meldebescheinigung"));
    assertEquals(List.of("publicTask", "feesAndBudget"), a.legalBases());
    assertEquals(
        List.of("staff", "operator", "eid", "mail", "paymentProvider", "bank"), a.recipients());
    assertEquals(List.of("drafts", "cases", "payments"), a.retention());
    assertTrue(a.email());
    assertFalse(a.files());
    // The form's own labels are the data categories, each once, in the order of the form.
    List<String> labels = a.dataCategories().stream().map(LocalizedText::de).toList();
    assertEquals("Vorname(n)", labels.get(0));
    assertTrue(labels.contains("Familienname"));
    assertTrue(labels.contains("Geburtsdatum"));
    assertEquals(labels.size(), labels.stream().distinct().count());
    assertEquals(5, a.processingDays());
  }

  @Test
  void aFreeServiceWithFilesAndABankAccountNamesTheBankButNoPaymentProvider() throws Exception {
    ProcessingActivity a =
        ProcessingActivity.of(
            listing("demo.hundesteuer-anmeldung", "Steuern", 0), form("hundesteuer-anmeldung"));
    assertTrue(a.files());
    assertTrue(a.bankAccount());
    assertEquals(List.of("publicTask", "feesAndBudget"), a.legalBases());
    assertEquals(List.of("staff", "operator", "eid", "mail", "bank"), a.recipients());
    assertEquals(List.of("drafts", "cases"), a.retention());
  }

  @Test
  void aFreeServiceWithoutMoneyHasOnlyThePublicTask() throws Exception {
    ProcessingActivity a =
        ProcessingActivity.of(
            listing("demo.fundsache-verlust", "Fundbüro", 0), form("fundsache-verlust"));
    assertEquals(List.of("publicTask"), a.legalBases());
    assertFalse(a.recipients().contains("paymentProvider"));
    assertFalse(a.recipients().contains("bank"));
  }
}
