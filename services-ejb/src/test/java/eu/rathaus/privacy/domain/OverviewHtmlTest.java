package eu.rathaus.privacy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OverviewHtmlTest {

  private static ExportSummary summary() {
    ExportSummary s =
        new ExportSummary("Erika <Mustermann>", Instant.parse("2026-12-07T11:00:00Z"));
    s.applications()
        .add(
            new ExportSummary.ApplicationLine(
                "MUS-2026-000123",
                "Meldebescheinigung",
                "Musterstadt",
                Instant.parse("2026-12-01T08:30:00Z"),
                "IN_REVIEW"));
    s.accessLog()
        .add(
            new AccessLogEntry(
                Instant.parse("2026-12-02T09:15:00Z"),
                "Musterstadt",
                "Mia <script>",
                "case.read",
                "case_record",
                "MUS-2026-000123"));
    s.accessLog()
        .add(
            new AccessLogEntry(
                Instant.parse("2026-12-02T09:16:00Z"),
                "Musterstadt",
                null,
                "something.new",
                "case_record",
                null));
    s.payments().add(new ExportSummary.PaymentLine("RF18000000000000012345", null, 1500, "OPEN"));
    return s;
  }

  @Test
  void germanOverviewIsReadableAndEscapesEveryValue() {
    String html = OverviewHtml.render(summary(), Locale.GERMAN);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"de\">"));
    assertTrue(html.contains("Erika &lt;Mustermann&gt;"));
    assertTrue(html.contains("Mia &lt;script&gt;"));
    assertFalse(html.contains("<script"), "no script, not even from data");
    assertTrue(html.contains("<td>MUS-2026-000123</td><td>Meldebescheinigung</td>"));
    // Times in German local time, status and action as words, unknown actions as they are.
    assertTrue(html.contains("01.12.2026 09:30"), html);
    assertTrue(html.contains("In Bearbeitung"));
    assertTrue(html.contains("Antrag geöffnet und gelesen"));
    assertTrue(html.contains("<td>something.new</td>"));
    assertTrue(html.contains("Mitarbeitende der Behörde"), "a person without a known name");
    assertTrue(html.contains("15,00"), html);
    // Tables are accessible: a caption and column headers.
    assertTrue(html.contains("<caption>Wer hat Ihre Daten gelesen?</caption>"));
    assertTrue(html.contains("<th scope=\"col\">Zeitpunkt</th>"));
    assertTrue(html.contains("Keine Einträge."), "empty sections say so");
  }

  @Test
  void englishOverviewForEnglish() {
    String html = OverviewHtml.render(summary(), Locale.ENGLISH);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    assertTrue(html.contains("Who read your data?"));
    assertTrue(html.contains("2026-12-01 09:30"));
    assertTrue(html.contains("Opened and read the application"));
  }

  /** The keys of one file itself (a bundle's key set would include its parent's). */
  private static Set<String> keys(String file) throws java.io.IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = OverviewHtmlTest.class.getResourceAsStream("/eu/rathaus/privacy/" + file)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws Exception {
    assertEquals(keys("overview.properties"), keys("overview_en.properties"));
  }
}
