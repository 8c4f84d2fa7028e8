package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CatalogueMessagesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        CatalogueMessagesTest.class.getResourceAsStream("/eu/rathaus/catalogue/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void germanEnglishAndBaseBundlesHaveTheSameKeys() throws IOException {
    Properties de = load("messages_de.properties");

    assertThat(load("messages_en.properties").keySet()).isEqualTo(de.keySet());
    assertThat(load("messages.properties")).isEqualTo(de);
  }

  @Test
  void resolvesGermanByDefaultAndEnglishForEnglishLocales() {
    Problem problem = Problem.of("name", "catalogue.answer.tooLong", 10000);

    assertThat(CatalogueMessages.format(problem, Locale.GERMANY))
        .isEqualTo("Bitte geben Sie höchstens 10.000 Zeichen ein.");
    assertThat(CatalogueMessages.format(problem, Locale.UK))
        .isEqualTo("Please enter at most 10,000 characters.");
    assertThat(CatalogueMessages.format(problem, Locale.FRENCH)).startsWith("Bitte");
    assertThat(CatalogueMessages.format(problem, null)).startsWith("Bitte");
  }

  @Test
  void doesNotFollowTheJvmDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ENGLISH);
      assertThat(CatalogueMessages.format("catalogue.answer.required", Locale.GERMAN))
          .isEqualTo("Bitte füllen Sie dieses Feld aus.");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void anUnknownKeyShowsAsItselfInsteadOfFailing() {
    assertThat(CatalogueMessages.format("catalogue.nope", Locale.GERMAN))
        .isEqualTo("catalogue.nope");
  }

  @Test
  void everyMessageKeyUsedInTheCodeExists() throws IOException {
    Properties de = load("messages_de.properties");
    java.nio.file.Path sources = java.nio.file.Path.of("src/main/java/eu/rathaus/catalogue");
    java.util.regex.Pattern key =
        java.util.regex.Pattern.compile(
            "\"(catalogue\\.(?:definition|answer|service)\\.[A-Za-z.]+)\"");
    try (var files = java.nio.file.Files.walk(sources)) {
      var used =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(
                  f -> {
                    try {
                      return key.matcher(java.nio.file.Files.readString(f))
                          .results()
                          .map(m -> m.group(1));
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
      assertThat(used).hasSizeGreaterThan(30);
      assertThat(de.keySet()).containsAll(used);
    }
  }
}
