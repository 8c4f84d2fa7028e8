package eu.rathaus.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsCsvTest {

  @Test
  void germanHeadingsSemicolonsDecimalCommaAndDefusedFormulas() {
    Dashboard d =
        new Dashboard(
            List.of(new Dashboard.ServiceMonth("=HYPERLINK(\"x\")", "2001-03", 2)),
            List.of(new Dashboard.Processing("Alpha; Beta", 3, 2, 1.5, null, 10, 1)),
            List.of(new Dashboard.OpenCases("IN_REVIEW", "", 4)),
            List.of(new Dashboard.Payments("PAID", "HOSTED_PAGE", 2, 123456, 123456)),
            2,
            2);
    String csv =
        new String(StatisticsCsv.of(d, "2001", key -> "[" + key + "]"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFStatistik;2001\r\n");
    assertThat(csv).contains("\r\nLeistung;Monat;Anträge\r\n");
    assertThat(csv).contains("\r\n\"'=HYPERLINK(\"\"x\"\")\";2001-03;2\r\n");
    assertThat(csv).contains("\r\n\"Alpha; Beta\";3;2;1,5;;10;1;33,3\r\n");
    assertThat(csv).contains("\r\n[status.IN_REVIEW];[clerk.none];4\r\n");
    assertThat(csv).contains("\r\n[state.PAID];[method.HOSTED_PAGE];2;1234,56;1234,56\r\n");
    assertThat(csv).contains("\r\nOnline-Anteil der Zahlungen (%);100,0\r\n");
    assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
  }
}
