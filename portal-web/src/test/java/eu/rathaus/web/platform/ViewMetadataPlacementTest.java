package eu.rathaus.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mojarra warns "JSF1103: The metadata facet must be a direct child of the view" whenever it builds
 * a whole view whose f:metadata sits inside a component (it did for the stateless public pages,
 * inside h:body). The layout therefore inserts a page's metadata directly under f:view, and every
 * page puts its f:metadata into {@code <ui:define name="metadata">}.
 */
class ViewMetadataPlacementTest {

  private static final Path WEBAPP = Path.of("src/main/webapp");

  @Test
  void theLayoutInsertsTheMetadataDirectlyUnderTheView() throws IOException {
    String layout = Files.readString(WEBAPP.resolve("WEB-INF/templates/layout.xhtml"));
    int view = layout.indexOf("<f:view");
    int insert = layout.indexOf("<ui:insert name=\"metadata\"/>");
    int head = layout.indexOf("<h:head>");
    assertThat(view).isNotNegative();
    assertThat(insert).as("metadata inserted after f:view, before h:head").isBetween(view, head);
  }

  @Test
  void everyPagesMetadataIsInItsOwnDefine() throws IOException {
    Pattern define =
        Pattern.compile(
            "<ui:define name=\"metadata\">\\s*<f:metadata>.*?</f:metadata>\\s*</ui:define>",
            Pattern.DOTALL);
    List<Path> pages;
    try (Stream<Path> files = Files.walk(WEBAPP)) {
      pages = files.filter(p -> p.toString().endsWith(".xhtml")).toList();
    }
    int checked = 0;
    for (Path page : pages) {
      String text = Files.readString(page);
      int all = count(text, "<f:metadata>");
      if (all == 0) {
        continue;
      }
      Matcher m = define.matcher(text);
      int placed = 0;
      while (m.find()) {
        placed++;
      }
      assertThat(placed)
          .as(page + ": f:metadata inside <ui:define name=\"metadata\">")
          .isEqualTo(all);
      checked++;
    }
    assertThat(checked).as("pages with view parameters").isGreaterThan(10);
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
