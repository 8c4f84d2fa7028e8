package eu.rathaus.catalogue.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import java.util.Map;

/**
 * What a municipality changes when it adopts a template without touching the form: its own fees
 * (per choice key for a fee "by choice", under the key {@link #FIXED} for a fixed fee) and its own
 * processing deadline. The result is a new form document that goes through the normal draft checks
 * ({@link ServiceCatalogue#updateDraft}); nothing here bypasses validation.
 *
 * @param amountsCents fee per choice key, or {@link #FIXED} for a fixed fee; empty keeps the
 *     template's fee
 * @param processingDays deadline in days, or null to keep the template's
 */
public record LocalTerms(Map<String, Long> amountsCents, Integer processingDays) {

  /** Key of the amount of a fixed fee. */
  public static final String FIXED = "fixed";

  public LocalTerms {
    amountsCents = Map.copyOf(amountsCents);
  }

  public static LocalTerms fees(Map<String, Long> amountsCents) {
    return new LocalTerms(amountsCents, null);
  }

  public LocalTerms withProcessingDays(int days) {
    return new LocalTerms(amountsCents, days);
  }

  /**
   * The template's form with these terms applied. Keys that do not fit the form (a choice key the
   * fee field does not have) are written anyway: the validator then refuses the draft, which is
   * better than silently dropping a fee a municipality meant to charge.
   */
  public String applyTo(String formJson) {
    try {
      ObjectNode form = (ObjectNode) FormDefinitionValidator.parseJson(formJson);
      JsonNode fee = form.path("fee");
      if (!amountsCents.isEmpty() && fee instanceof ObjectNode feeNode) {
        if ("fixed".equals(feeNode.path("type").asText())) {
          Long amount = amountsCents.get(FIXED);
          if (amount != null) {
            feeNode.put("amountCents", amount);
          }
        } else {
          if (feeNode.get("amountsCents") instanceof ObjectNode amounts) {
            amountsCents.forEach(amounts::put);
          }
        }
      }
      if (processingDays != null) {
        form.put("processingDays", processingDays);
      }
      return form.toString();
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("Not a form document", e);
    }
  }
}
