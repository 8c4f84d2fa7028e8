package eu.rathaus.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The German texts address people in one gender-fair way (CONTRIBUTING.md, "German texts"): neutral
 * forms where German has them ("antragstellende Person", "zahlende Person", "Mitarbeitende"), the
 * pair form where it has none ("Bürgerinnen und Bürger"), never a slash or a gender sign, never the
 * masculine form alone for the portal's roles.
 */
class GermanTextsTest {

  private static final List<Path> BUNDLES =
      List.of(
          Path.of("src/main/resources/eu/rathaus/web/i18n/messages.properties"),
          Path.of("src/main/resources/eu/rathaus/web/i18n/messages_de.properties"),
          Path.of("../services-ejb/src/main/resources/eu/rathaus/catalogue/messages.properties"),
          Path.of(
              "../services-ejb/src/main/resources/eu/rathaus/catalogue/messages_de.properties"));

  /** Slash and gender-sign forms ("Zahler/in", "Bürger*innen", "Antragsteller(in)"). */
  private static final Pattern SPLIT_FORM =
      Pattern.compile(
          "\\p{L}+( ?/ ?-?in(nen)?\\b|\\*in|:in(nen)?\\b|\\(in(nen)?\\))"
              + "|\\p{L}+in(nen)? ?/ ?(die |der |den |des )?\\p{L}+");

  /** Masculine role nouns standing alone (not followed by the feminine in a pair). */
  private static final Pattern MASCULINE_ROLE =
      Pattern.compile(
          "\\b(Antragsteller|Sachbearbeiter|Zahler|Kontoinhaber|Mitarbeiter|Benutzer|Nutzer)"
              + "(s|n)?\\b(?! ?(oder|und) )");

  @Test
  void germanTextsAreGenderFairAndOfOneStyle() throws IOException {
    List<String> findings = new ArrayList<>();
    for (Path bundle : BUNDLES) {
      Properties texts = new Properties();
      try (InputStream in = Files.newInputStream(bundle)) {
        texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        if (SPLIT_FORM.matcher(text).find() || masculineAlone(text)) {
          findings.add(bundle.getFileName() + " " + key + "=" + text);
        }
      }
    }
    assertThat(findings).isEmpty();
  }

  private static boolean masculineAlone(String text) {
    var matcher = MASCULINE_ROLE.matcher(text);
    while (matcher.find()) {
      // "Kontoinhaberin oder Kontoinhaber": the masculine after the feminine completes a pair.
      String before = text.substring(0, matcher.start());
      if (!before.matches("(?s).*\\p{L}+in(nen)? (oder|und) $")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theCheckFindsWhatItIsFor() {
    assertThat(SPLIT_FORM.matcher("Zahler/in").find()).isTrue();
    assertThat(SPLIT_FORM.matcher("an die Antragstellerin / den Antragsteller").find()).isTrue();
    assertThat(SPLIT_FORM.matcher("Bürgerin / Bürger").find()).isTrue();
    assertThat(SPLIT_FORM.matcher("Bürgerin oder Bürger").find()).isFalse();
    assertThat(masculineAlone("Warten auf Antragsteller")).isTrue();
    assertThat(masculineAlone("Kontoinhaberin oder Kontoinhaber (z. B. Kasse)")).isFalse();
    assertThat(masculineAlone("Wartet auf antragstellende Person")).isFalse();
    assertThat(masculineAlone("Antragstellende Person")).isFalse();
  }
}
