package eu.rathaus.web.privacy;

import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.privacy.application.PrivacyNotice;
import eu.rathaus.privacy.domain.ProcessingActivity;
import eu.rathaus.privacy.domain.RetentionDefaults;
import eu.rathaus.web.catalogue.CatalogueTexts;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Turns a municipality's {@link PrivacyNotice} into the sentences its privacy notice and its
 * records of processing show, in German or English: one wording for both pages. Public, with its
 * row, because Jakarta EL reads properties of public classes only.
 */
public final class PrivacyTexts {

  /** One service as both pages show it. */
  public record ActivityRow(
      String serviceKey,
      String title,
      String description,
      String purpose,
      List<String> dataCategories,
      List<String> legalBases,
      List<String> recipients,
      List<String> retention,
      boolean files)
      implements Serializable {

    public String getServiceKey() {
      return serviceKey;
    }

    public String getTitle() {
      return title;
    }

    public String getDescription() {
      return description;
    }

    public String getPurpose() {
      return purpose;
    }

    public List<String> getDataCategories() {
      return dataCategories;
    }

    public List<String> getLegalBases() {
      return legalBases;
    }

    public List<String> getRecipients() {
      return recipients;
    }

    public List<String> getRetention() {
      return retention;
    }

    public boolean isFiles() {
      return files;
    }
  }

  private final CatalogueTexts texts;
  private final Locale locale;

  PrivacyTexts(Locale locale) {
    this.texts = new CatalogueTexts(locale);
    this.locale = locale;
  }

  List<ActivityRow> rows(PrivacyNotice notice) {
    return notice.activities().stream().map(this::row).toList();
  }

  ActivityRow row(ProcessingActivity a) {
    String title = a.title().in(locale);
    List<String> data =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(texts.text("privacy.data.signIn")),
                a.dataCategories().stream().map(this::label))
            .toList();
    return new ActivityRow(
        a.serviceKey(),
        title,
        a.description() == null ? "" : a.description().in(locale),
        texts.text("privacy.purpose", title, a.processingDays()),
        data,
        a.legalBases().stream().map(b -> texts.text("privacy.legal." + b, a.category())).toList(),
        a.recipients().stream().map(r -> texts.text("privacy.recipient." + r)).toList(),
        a.retention().stream().map(r -> texts.text("privacy.retention." + r, years(r))).toList(),
        a.files());
  }

  private String label(LocalizedText text) {
    return text.in(locale);
  }

  private static int years(String rule) {
    return switch (rule) {
      case "drafts" -> RetentionDefaults.DRAFT_MONTHS;
      case "payments" -> RetentionDefaults.PAYMENT_YEARS;
      default -> RetentionDefaults.CASE_YEARS;
    };
  }
}
