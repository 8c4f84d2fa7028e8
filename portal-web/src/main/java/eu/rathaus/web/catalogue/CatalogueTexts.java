package eu.rathaus.web.catalogue;

import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.catalogue.domain.FeeRule;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.identity.LevelOfAssurance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns catalogue facts into the sentences people read, in German or English, from the web bundle.
 * Kept apart from the views (and free of Faces) because the same wording serves the pages and the
 * JSON API, and because it is the part worth unit-testing: fee ranges, free services, choice fees.
 */
public final class CatalogueTexts {

  /** The web bundle's base name (the Faces {@code msg} variable). */
  public static final String BUNDLE = "eu.rathaus.web.i18n.messages";

  private final Locale locale;
  private final ResourceBundle msg;

  public CatalogueTexts(Locale locale) {
    this.locale = locale;
    this.msg = ResourceBundle.getBundle(BUNDLE, locale);
  }

  public Locale locale() {
    return locale;
  }

  public String text(String key, Object... arguments) {
    String pattern = msg.getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  /** "gebührenfrei", "30,00 €", or "30,00 € bis 60,00 €" for a fee that depends on a choice. */
  public String feeRange(Money from, Money to) {
    if (to.isZero()) {
      return text("catalogue.fee.free");
    }
    if (from.equals(to)) {
      return from.format(locale);
    }
    return text("catalogue.fee.range", amount(from), to.format(locale));
  }

  /** An amount, or "gebührenfrei" for zero. */
  public String amount(Money money) {
    return money.isZero() ? text("catalogue.fee.free") : money.format(locale);
  }

  /**
   * The fee on a service page: one line for a fixed fee, one line per option ("Ein Jahr: 30,00 €")
   * for a fee by choice, in the order the form offers the options.
   */
  public List<String> feeLines(FormDefinition form) {
    if (form.fee() instanceof FeeRule.ByChoice byChoice) {
      List<String> lines = new ArrayList<>();
      form.field(byChoice.fieldKey())
          .ifPresent(
              field ->
                  field
                      .choices()
                      .forEach(
                          choice -> {
                            Money price = byChoice.amounts().get(choice.key());
                            if (price != null) {
                              lines.add(
                                  text(
                                      "catalogue.fee.option",
                                      choice.label().in(locale),
                                      amount(price)));
                            }
                          }));
      return lines;
    }
    return List.of(amount(form.fee().minimum()));
  }

  /** "niedrig", "substanziell", "hoch" (the words the eID uses). */
  public String level(LevelOfAssurance level) {
    return text("loa." + level.acr());
  }

  public String processingDays(int days) {
    return text("catalogue.deadline.days", days);
  }

  /** The documents a citizen needs to attach: one line per file field, marked if only sometimes. */
  public List<String> documents(FormDefinition form) {
    return form.fields().stream()
        .filter(f -> f.type() == eu.rathaus.catalogue.domain.FieldType.FILE)
        .map(this::document)
        .toList();
  }

  private String document(FieldDefinition field) {
    String label = field.label().in(locale);
    if (field.visibleIf() != null) {
      return text("catalogue.documents.conditional", label);
    }
    return field.required() ? label : text("catalogue.documents.optional", label);
  }

  /**
   * "Bis zu 3 Dateien, je höchstens 10 MB, als PDF, JPEG oder PNG." — empty if no files allowed.
   */
  public String attachmentLimits(AttachmentRules rules) {
    if (rules == null || rules.maxCount() == 0 || rules.allowedContentTypes().isEmpty()) {
      return "";
    }
    List<String> types =
        rules.allowedContentTypes().stream().map(CatalogueTexts::typeName).toList();
    String typeList =
        types.size() == 1
            ? types.get(0)
            : String.join(", ", types.subList(0, types.size() - 1))
                + " "
                + text("catalogue.documents.or")
                + " "
                + types.get(types.size() - 1);
    return text(
        "catalogue.documents.limits", rules.maxCount(), megabytes(rules.maxSizeBytes()), typeList);
  }

  private String megabytes(long bytes) {
    BigDecimal mb =
        BigDecimal.valueOf(bytes)
            .divide(BigDecimal.valueOf(1024L * 1024L), 1, RoundingMode.HALF_UP)
            .stripTrailingZeros();
    return java.text.NumberFormat.getNumberInstance(locale).format(mb) + " MB";
  }

  private static String typeName(String contentType) {
    return switch (contentType) {
      case "application/pdf" -> "PDF";
      case "image/jpeg" -> "JPEG";
      case "image/png" -> "PNG";
      default -> contentType;
    };
  }

  /**
   * Category names are German words chosen by administrators; English pages translate the known
   * ones through the bundle ({@code catalogue.category.<key>}) and show others as they are.
   */
  public String category(String category) {
    try {
      return msg.getString("catalogue.category." + categoryKey(category));
    } catch (MissingResourceException e) {
      return category;
    }
  }

  static String categoryKey(String category) {
    return category
        .toLowerCase(Locale.ROOT)
        .replace("ä", "ae")
        .replace("ö", "oe")
        .replace("ü", "ue")
        .replace("ß", "ss")
        .replaceAll("[^a-z0-9]+", "-");
  }

  /** The first {@code max} characters of a text, cut at a word, with an ellipsis if cut. */
  public static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    return text.substring(0, cut > max / 2 ? cut : max).strip() + " …";
  }
}
