package eu.rathaus.web.platform;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.io.Writer;

/**
 * Puts the response's CSP nonce on every {@code <script>} element Faces renders — PrimeFaces'
 * widget scripts, its collected event handlers, and script resources — so the portal's single
 * policy ({@code script-src 'self' 'nonce-…'}, see {@link SecurityHeadersFilter}) lets exactly the
 * scripts the portal wrote run, and nothing an attacker might inject. PrimeFaces writes no nonce
 * itself in {@code policyProvided} mode; an element that already carries one is left alone.
 */
public class NonceResponseWriter extends ResponseWriterWrapper {

  private final String nonce;
  private boolean inScriptStart;

  public NonceResponseWriter(ResponseWriter wrapped, String nonce) {
    super(wrapped);
    this.nonce = nonce;
  }

  @Override
  public void startElement(String name, UIComponent component) throws IOException {
    inScriptStart = false;
    super.startElement(name, component);
    if ("script".equalsIgnoreCase(name)) {
      super.writeAttribute("nonce", nonce, null);
      inScriptStart = true;
    }
  }

  @Override
  public void writeAttribute(String name, Object value, String property) throws IOException {
    if (inScriptStart && "nonce".equalsIgnoreCase(name)) {
      return; // already written: one nonce attribute, ours
    }
    super.writeAttribute(name, value, property);
  }

  @Override
  public void endElement(String name) throws IOException {
    inScriptStart = false;
    super.endElement(name);
  }

  @Override
  public void writeText(Object text, String property) throws IOException {
    inScriptStart = false;
    super.writeText(text, property);
  }

  /** Facelets renders into a clone of the first writer: the clone must add the nonce too. */
  @Override
  public ResponseWriter cloneWithWriter(Writer writer) {
    return new NonceResponseWriter(getWrapped().cloneWithWriter(writer), nonce);
  }
}
