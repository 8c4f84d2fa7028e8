package eu.rathaus.documents.application;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One place where the portal's PDF documents (notice, receipt, and later certificates) are made: a
 * document is built as an XHTML tree through this class and rendered by openhtmltopdf on Apache
 * PDFBox as a tagged PDF that conforms to <b>PDF/UA-1</b> (ISO 14289-1) and <b>PDF/A-3a</b> (ISO
 * 19005-3, level a: tagged, Unicode).
 *
 * <p>What that gives the reader, without further work by the callers: a structure tree from the
 * elements (headings H1–H3, paragraphs, tables with header cells, figures with their alternative
 * text) in source order as reading order; the document language from {@code lang}; the title from
 * {@code <title>}, shown by the viewer instead of the file name; the page numbers and decoration
 * (borders, rules) marked as artifacts, so screen readers skip them; the DejaVu Sans fonts embedded
 * as subsets (licence: Bitstream Vera, permits embedding), so the document does not depend on the
 * reader's fonts; XMP metadata naming the PDF/A part and conformance and PDF/UA; an sRGB output
 * intent.
 *
 * <p>Why openhtmltopdf: the previous OpenPDF cannot write a correct structure tree for PDF/UA;
 * PDFBox alone could, but every tag, marked-content sequence and artifact would be hand-written
 * code. openhtmltopdf is maintained, builds on PDFBox 3 and derives all of that from the element
 * tree, which also keeps the layout readable as CSS.
 *
 * <p>Text is always added as DOM text nodes, never parsed as markup, so names or reasons containing
 * {@code <} or {@code &} print literally.
 */
public final class AccessiblePdf {

  private static final String FONT_FAMILY = "DejaVu Sans";
  private static final String FONTS = "/eu/rathaus/documents/fonts/";
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private static final String STYLE =
      """
      @page { size: A4; margin: 20mm 22mm 24mm 22mm;
        @bottom-center { content: %s; font-family: '%s'; font-size: 8pt; color: #333; } }
      body { font-family: '%s'; font-size: 10.5pt; line-height: 1.35; color: #000; }
      h1 { font-size: 13pt; font-weight: bold; margin: 0 0 10pt 0; }
      h2 { font-size: 11.5pt; font-weight: bold; margin: 14pt 0 4pt 0; page-break-after: avoid; }
      h3 { font-size: 10.5pt; font-weight: bold; margin: 10pt 0 4pt 0; page-break-after: avoid; }
      p { margin: 0 0 6pt 0; }
      .authority { font-size: 15pt; font-weight: bold; margin: 0 0 14pt 0; }
      .small { font-size: 8pt; }
      .logo { max-height: 60pt; max-width: 55mm; margin: 0 0 8pt 0; }
      .columns { margin: 0 0 24pt 0; }
      .left { float: left; width: 52%%; }
      .right { float: right; width: 46%%; }
      .facts { font-size: 9.5pt; }
      .clear { clear: both; }
      .hash { font-size: 8pt; word-wrap: break-word; }
      table { width: 100%%; border-collapse: collapse; margin: 0 0 6pt 0; }
      th, td { border: 0.5pt solid #555; padding: 4pt; vertical-align: top; text-align: left; }
      th { font-weight: normal; width: 40%%; }
      .keep { page-break-inside: avoid; }
      """;

  private final Document dom;
  private final Element head;
  private final Element body;
  private final String pageLabel;

  /**
   * @param title the document title (metadata and shown by the viewer)
   * @param language the document language; "de" or "en" tags the text for screen readers
   * @param pageLabel the page-number line, a pattern with {0} for the page and {1} for the page
   *     count, e.g. "Seite {0} von {1}"
   */
  public AccessiblePdf(String title, Locale language, String pageLabel) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      dom = factory.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    this.pageLabel = pageLabel;
    Element html = dom.createElement("html");
    html.setAttribute("lang", language.toLanguageTag());
    dom.appendChild(html);
    head = child(html, "head");
    text(child(head, "title"), title);
    body = child(html, "body");
  }

  /** The body, the parent of all top-level content. */
  public Element body() {
    return body;
  }

  /** Document metadata: author (the issuing authority) and subject. */
  public AccessiblePdf describe(String author, String subject) {
    meta("author", author);
    meta("subject", subject);
    return this;
  }

  /**
   * The letterhead every document of a municipality starts with: the logo (if any, with its
   * alternative text) and the authority's name.
   */
  public void letterhead(String authorityName, byte[] logo, String logoAlt) {
    if (logo != null) {
      Element figure = child(body, "div");
      image(figure, logo, logoAlt, "logo");
    }
    paragraph(body, authorityName, "authority");
  }

  public Element heading(Element parent, int level, String text) {
    if (level < 1 || level > 3) {
      throw new IllegalArgumentException("heading level " + level);
    }
    return text(child(parent, "h" + level), text);
  }

  public Element paragraph(Element parent, String text) {
    return text(child(parent, "p"), text);
  }

  public Element paragraph(Element parent, String text, String styleClass) {
    Element p = paragraph(parent, text);
    p.setAttribute("class", styleClass);
    return p;
  }

  /** One paragraph whose lines are broken where the list says, e.g. an address. */
  public Element lines(Element parent, List<String> lines, String styleClass) {
    Element p = child(parent, "p");
    if (styleClass != null) {
      p.setAttribute("class", styleClass);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        child(p, "br");
      }
      p.appendChild(dom.createTextNode(lines.get(i)));
    }
    return p;
  }

  /** A block (tagged as a division) with a style class, e.g. "left", "right", "keep". */
  public Element block(Element parent, String styleClass) {
    Element div = child(parent, "div");
    div.setAttribute("class", styleClass);
    return div;
  }

  /** Ends floating columns started with blocks "left"/"right". */
  public void clear(Element parent) {
    block(parent, "clear");
  }

  /** A two-column table of label (row header cell) and value. */
  public Element table(Element parent) {
    return child(parent, "table");
  }

  public void row(Element table, String label, String value) {
    Element tr = child(table, "tr");
    Element th = text(child(tr, "th"), label);
    th.setAttribute("scope", "row");
    text(child(tr, "td"), value);
  }

  /**
   * An image (PNG or JPEG bytes) with its alternative text, tagged as a figure.
   *
   * @param styleClass CSS class giving its size
   */
  public Element image(Element parent, byte[] data, String alt, String styleClass) {
    Element img = child(parent, "img");
    String type = data.length > 1 && (data[0] & 0xFF) == 0x89 ? "image/png" : "image/jpeg";
    img.setAttribute("src", "data:" + type + ";base64," + Base64.getEncoder().encodeToString(data));
    img.setAttribute("alt", alt);
    if (styleClass != null) {
      img.setAttribute("class", styleClass);
    }
    return img;
  }

  /** An image at a fixed width in points (height follows the aspect ratio). */
  public Element image(Element parent, byte[] data, String alt, int widthPoints) {
    Element img = image(parent, data, alt, (String) null);
    img.setAttribute("style", "width: " + widthPoints + "pt;");
    return img;
  }

  public byte[] render() {
    text(child(head, "style"), STYLE.formatted(pageContent(pageLabel), FONT_FAMILY, FONT_FAMILY));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.usePdfAConformance(PdfAConformance.PDFA_3_A);
      builder.useColorProfile(SRGB);
      builder.withProducer("Rathaus");
      builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
      // Only the document itself: no file, network or class-path resource is ever fetched.
      builder.useExternalResourceAccessControl(
          (uri, type) -> uri.startsWith("data:"),
          com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority
              .RUN_AFTER_RESOLVING_URI);
      builder.withW3cDocument(dom, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** CSS {@code content} for the page label: the literal parts quoted, the numbers as counters. */
  static String pageContent(String pattern) {
    StringBuilder css = new StringBuilder();
    int at = 0;
    while (at < pattern.length()) {
      int next = nextPlaceholder(pattern, at);
      if (next < 0) {
        css.append(quoted(pattern.substring(at))).append(' ');
        break;
      }
      if (next > at) {
        css.append(quoted(pattern.substring(at, next))).append(' ');
      }
      css.append(pattern.charAt(next + 1) == '0' ? "counter(page) " : "counter(pages) ");
      at = next + 3;
    }
    return css.toString().strip();
  }

  private static int nextPlaceholder(String pattern, int from) {
    int zero = pattern.indexOf("{0}", from);
    int one = pattern.indexOf("{1}", from);
    if (zero < 0) {
      return one;
    }
    return one < 0 ? zero : Math.min(zero, one);
  }

  private static String quoted(String literal) {
    return "\"" + literal.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static InputStream font(String name) {
    InputStream in = AccessiblePdf.class.getResourceAsStream(FONTS + name);
    if (in == null) {
      throw new IllegalStateException("font missing from the class path: " + name);
    }
    return in;
  }

  private void meta(String name, String content) {
    Element meta = child(head, "meta");
    meta.setAttribute("name", name);
    meta.setAttribute("content", content);
  }

  private Element child(Element parent, String name) {
    Element element = dom.createElement(name);
    parent.appendChild(element);
    return element;
  }

  private Element text(Element element, String text) {
    element.appendChild(dom.createTextNode(text == null ? "" : text));
    return element;
  }
}
