package eu.rathaus.privacy.domain;

import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.ServiceListing;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One processing activity: a published service, described for the privacy notice and the records of
 * processing (Art. 13 and Art. 30 GDPR) from its own configuration — what the form asks (data
 * categories), whether it charges a fee, sends e-mail, takes files or a bank account. Legal bases,
 * recipients and retention follow from that by rule, so nothing is written twice by hand.
 *
 * <p>Legal bases, recipients and retention are message keys (suffixes) the pages translate.
 */
public record ProcessingActivity(
    String serviceKey,
    String category,
    LocalizedText title,
    LocalizedText description,
    List<LocalizedText> dataCategories,
    boolean fee,
    boolean email,
    boolean files,
    boolean bankAccount,
    int processingDays)
    implements Serializable {

  public ProcessingActivity {
    dataCategories = List.copyOf(dataCategories);
  }

  /** The activity of a published service: its listing (fee range) and its current form. */
  public static ProcessingActivity of(ServiceListing listing, FormDefinition form) {
    Set<String> seen = new LinkedHashSet<>();
    List<LocalizedText> categories = new ArrayList<>();
    boolean email = false;
    boolean files = false;
    boolean iban = false;
    for (FieldDefinition field : form.fields()) {
      email |= field.type() == FieldType.EMAIL;
      files |= field.type() == FieldType.FILE;
      iban |= field.type() == FieldType.IBAN;
      if (seen.add(field.label().de())) {
        categories.add(field.label());
      }
    }
    return new ProcessingActivity(
        listing.serviceKey(),
        listing.category(),
        listing.title(),
        listing.description(),
        categories,
        listing.feeTo().cents() > 0,
        email,
        files,
        iban,
        form.processingDays());
  }

  /**
   * Legal bases: public task (Art. 6(1)(e)) always, named with the service's field of law; a legal
   * obligation (Art. 6(1)(c), fee and budget law) when money is involved.
   */
  public List<String> legalBases() {
    List<String> bases = new ArrayList<>(List.of("publicTask"));
    if (fee || bankAccount) {
      bases.add("feesAndBudget");
    }
    return bases;
  }

  /**
   * Who receives data: always staff, operator (processor), eID and mail relay; payment provider and
   * bank by rule. The malware scan is no recipient: files never leave the portal's own scanner.
   */
  public List<String> recipients() {
    List<String> recipients = new ArrayList<>(List.of("staff", "operator", "eid", "mail"));
    if (fee) {
      recipients.add("paymentProvider");
    }
    if (fee || bankAccount) {
      recipients.add("bank");
    }
    return recipients;
  }

  /** Which retention rules apply. */
  public List<String> retention() {
    List<String> rules = new ArrayList<>(List.of("drafts", "cases"));
    if (fee) {
      rules.add("payments");
    }
    return rules;
  }

  public String getServiceKey() {
    return serviceKey;
  }

  public String getCategory() {
    return category;
  }

  public LocalizedText getTitle() {
    return title;
  }

  public LocalizedText getDescription() {
    return description;
  }

  public List<LocalizedText> getDataCategories() {
    return dataCategories;
  }

  public List<String> getLegalBases() {
    return legalBases();
  }

  public List<String> getRecipients() {
    return recipients();
  }

  public List<String> getRetention() {
    return retention();
  }

  public int getProcessingDays() {
    return processingDays;
  }
}
