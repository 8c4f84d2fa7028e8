package eu.rathaus.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** Script elements get the response's nonce exactly once; nothing else changes. */
class NonceResponseWriterTest {

  /** Writes a crude tag syntax, enough to see which attributes land on which element. */
  static final class Recording extends ResponseWriter {
    final StringWriter out;

    Recording(StringWriter out) {
      this.out = out;
    }

    @Override
    public String getContentType() {
      return "text/html";
    }

    @Override
    public String getCharacterEncoding() {
      return "UTF-8";
    }

    @Override
    public void flush() {}

    @Override
    public void startDocument() {}

    @Override
    public void endDocument() {}

    @Override
    public void startElement(String name, UIComponent component) {
      out.append('<').append(name);
    }

    @Override
    public void endElement(String name) {
      out.append("</").append(name).append('>');
    }

    @Override
    public void writeAttribute(String name, Object value, String property) {
      out.append(' ').append(name).append("=\"").append(String.valueOf(value)).append('"');
    }

    @Override
    public void writeURIAttribute(String name, Object value, String property) {
      writeAttribute(name, value, property);
    }

    @Override
    public void writeComment(Object comment) {}

    @Override
    public void writeText(Object text, String property) {
      out.append('>').append(String.valueOf(text));
    }

    @Override
    public void writeText(char[] text, int off, int len) {
      out.append('>').append(new String(text, off, len));
    }

    @Override
    public ResponseWriter cloneWithWriter(Writer writer) {
      return new Recording((StringWriter) writer);
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      out.write(cbuf, off, len);
    }

    @Override
    public void close() {}
  }

  @Test
  void everyScriptElementCarriesTheNonceOnce() throws Exception {
    StringWriter out = new StringWriter();
    ResponseWriter writer = new NonceResponseWriter(new Recording(out), "abc");

    writer.startElement("script", null);
    writer.writeAttribute("nonce", "other", null);
    writer.writeAttribute("src", "/x.js", null);
    writer.endElement("script");
    writer.startElement("div", null);
    writer.writeAttribute("nonce", "kept", null);
    writer.endElement("div");

    assertThat(out.toString())
        .isEqualTo("<script nonce=\"abc\" src=\"/x.js\"</script><div nonce=\"kept\"</div>");
  }

  @Test
  void theCloneFaceletsRendersIntoAddsItToo() throws Exception {
    StringWriter out = new StringWriter();
    ResponseWriter clone =
        new NonceResponseWriter(new Recording(new StringWriter()), "n1").cloneWithWriter(out);

    clone.startElement("SCRIPT", null);
    clone.writeText("PrimeFaces.cw()", null);
    clone.endElement("SCRIPT");

    assertThat(clone).isInstanceOf(NonceResponseWriter.class);
    assertThat(out.toString()).isEqualTo("<SCRIPT nonce=\"n1\">PrimeFaces.cw()</SCRIPT>");
  }

  @Test
  void onlyOurNonceFormatIsTakenFromAnAjaxRequest() {
    assertThat(NonceRenderKitFactory.wellFormed(SecurityHeadersFilter.newNonce())).isTrue();
    assertThat(NonceRenderKitFactory.wellFormed("abc")).isFalse();
    assertThat(NonceRenderKitFactory.wellFormed("'nonce-x' 'unsafe-inline'==")).isFalse();
    assertThat(NonceRenderKitFactory.wellFormed(null)).isFalse();
  }
}
