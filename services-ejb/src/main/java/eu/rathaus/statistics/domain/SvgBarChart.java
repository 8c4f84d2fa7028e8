package eu.rathaus.statistics.domain;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as an SVG document made on the server: no script, no style attribute (the
 * portal's CSP allows neither inline), only presentation attributes. {@code role="img"} with a
 * title, and every bar's text is written beside it; the page shows the same numbers in a table, so
 * nothing is only in the picture.
 */
public final class SvgBarChart {

  /** One bar: its label, its value, and the value as the page writes it. */
  public record Bar(String label, double value, String valueText) {}

  private static final int WIDTH = 640;
  private static final int LABEL = 240;
  private static final int ROW = 26;

  private SvgBarChart() {}

  public static String render(String id, String title, List<Bar> bars) {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    int height = Math.max(1, bars.size()) * ROW + 10;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
        .append(escape(id))
        .append("-title\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"100%\" height=\"")
        .append(height)
        .append("\">")
        .append("<title id=\"")
        .append(escape(id))
        .append("-title\">")
        .append(escape(title))
        .append("</title>");
    int y = 5;
    for (Bar bar : bars) {
      double length = max <= 0 ? 0 : (WIDTH - LABEL - 80) * bar.value() / max;
      svg.append("<text x=\"0\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"13\" fill=\"#1a1a1a\">")
          .append(escape(shorten(bar.label())))
          .append("</text>")
          .append("<rect x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" height=\"16\" width=\"")
          .append(String.format(Locale.ROOT, "%.1f", length))
          .append("\" fill=\"#00577a\"/>")
          .append("<text x=\"")
          .append(String.format(Locale.ROOT, "%.1f", LABEL + length + 6))
          .append("\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"13\" fill=\"#1a1a1a\">")
          .append(escape(bar.valueText()))
          .append("</text>");
      y += ROW;
    }
    return svg.append("</svg>").toString();
  }

  private static String shorten(String label) {
    return label.length() <= 34 ? label : label.substring(0, 33) + "…";
  }

  static String escape(String text) {
    return eu.rathaus.kernel.Html.escape(text);
  }
}
