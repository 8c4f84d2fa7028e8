package eu.rathaus.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgBarChartTest {

  @Test
  void theChartIsWellFormedSvgWithATitleAndEveryValueWrittenOut() throws Exception {
    String svg =
        SvgBarChart.render(
            "chart-x",
            "Anträge <je> Monat",
            List.of(
                new SvgBarChart.Bar("2001-03", 2, "2"),
                new SvgBarChart.Bar("Müller & Söhne \"Dienst\"", 4, "4")));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
    assertThat(doc.getDocumentElement().getAttribute("aria-labelledby")).isEqualTo("chart-x-title");
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Anträge <je> Monat");
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(2);
    // The longest bar is the largest value; half the value, half the length.
    double first =
        Double.parseDouble(
            doc.getElementsByTagName("rect")
                .item(0)
                .getAttributes()
                .getNamedItem("width")
                .getNodeValue());
    double second =
        Double.parseDouble(
            doc.getElementsByTagName("rect")
                .item(1)
                .getAttributes()
                .getNamedItem("width")
                .getNodeValue());
    assertThat(first * 2).isCloseTo(second, org.assertj.core.data.Offset.offset(0.2));
    assertThat(doc.getDocumentElement().getTextContent())
        .contains("Müller & Söhne \"Dienst\"", "4");
    assertThat(svg).doesNotContain("style=").doesNotContain("<script");
  }

  @Test
  void anEmptyChartIsStillValid() {
    assertThat(SvgBarChart.render("e", "leer", List.of())).startsWith("<svg").endsWith("</svg>");
  }
}
