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
}
