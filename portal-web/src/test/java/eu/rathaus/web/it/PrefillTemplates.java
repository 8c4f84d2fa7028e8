package eu.rathaus.web.it;

import eu.rathaus.catalogue.application.DemoTemplates;

/** Shipped templates with prefill declared, for the prefill tests (issue 13). */
public final class PrefillTemplates {

  private PrefillTemplates() {}

  /**
   * The resident parking permit with the given names from the eID (changeable), the family name
   * from the eID and the address from the register (both not changeable).
   */
  public static String parkingPermit() {
    return DemoTemplates.load("/catalogue/templates/bewohnerparkausweis.json")
        .replace(
            "\"key\": \"firstNames\",",
            "\"key\": \"firstNames\", \"prefill\": {\"source\": \"eid.givenName\"},")
        .replace(
            "\"key\": \"lastName\",",
            "\"key\": \"lastName\","
                + " \"prefill\": {\"source\": \"eid.familyName\", \"editable\": false},")
        .replace(
            "\"key\": \"address\",",
            "\"key\": \"address\","
                + " \"prefill\": {\"source\": \"register.address\", \"editable\": false},");
  }

  /**
   * The resident parking permit with the address from the eID (not changeable) and two fields added
   * after the family name: the birth date and the place of birth from the eID (changeable).
   */
  public static String parkingPermitFromTheEid() {
    return DemoTemplates.load("/catalogue/templates/bewohnerparkausweis.json")
        .replace(
            "\"key\": \"lastName\",",
            "\"key\": \"birthDate\", \"type\": \"date\","
                + " \"label\": {\"de\": \"Geburtsdatum\", \"en\": \"Date of birth\"},"
                + " \"required\": true, \"prefill\": {\"source\": \"eid.birthDate\"}},"
                + " {\"key\": \"birthPlace\", \"type\": \"text\","
                + " \"label\": {\"de\": \"Geburtsort\", \"en\": \"Place of birth\"},"
                + " \"required\": true, \"maxLength\": 100,"
                + " \"prefill\": {\"source\": \"eid.birthPlace\"}},"
                + " {\"key\": \"lastName\",")
        .replace(
            "\"key\": \"address\",",
            "\"key\": \"address\","
                + " \"prefill\": {\"source\": \"eid.address\", \"editable\": false},");
  }
}
