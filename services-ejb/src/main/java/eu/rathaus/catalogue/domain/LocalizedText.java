package eu.rathaus.catalogue.domain;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A text an administrator wrote in German and English. German is the language of record (the
 * authority's own wording); English falls back to it when missing so a page never shows a gap.
 */
public record LocalizedText(String de, String en) implements Serializable {

  public LocalizedText {
    Objects.requireNonNull(de, "de");
  }

  /** The text for {@code locale}: English for English locales, German for everything else. */
  public String in(Locale locale) {
    if (locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank()) {
      return en;
    }
    return de;
  }
}
