package eu.rathaus.payments.infrastructure;

import eu.rathaus.payments.domain.StatementRefused;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses uploaded XML with a parser that cannot be turned against the server: a DOCTYPE is a fatal
 * error, so neither external entities (XXE: reading local files or URLs) nor entity expansion
 * ("billion laughs") is ever declared, let alone resolved. Bank statements never need a DOCTYPE, so
 * refusing any is both the simplest and the safest rule. Further features are switched off as a
 * second line in case a parser ignores the first.
 */
public final class SafeXml {

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  private SafeXml() {}

  /**
   * Parses namespace-aware into a DOM.
   *
   * @throws StatementRefused {@code UNSAFE_XML} for any DOCTYPE, {@code MALFORMED} for broken XML
   */
  public static Document parse(byte[] content) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setEntityResolver(
          (publicId, systemId) -> {
            // Never reached with DOCTYPE disallowed; if it were, resolve nothing.
            throw new SAXException("External entities are not resolved");
          });
      builder.setErrorHandler(null);
      try (InputStream in = new ByteArrayInputStream(content)) {
        return builder.parse(new InputSource(in));
      }
    } catch (SAXParseException e) {
      if (isDoctype(e)) {
        throw new StatementRefused(StatementRefused.Reason.UNSAFE_XML, "DOCTYPE is not allowed");
      }
      throw new StatementRefused(
          StatementRefused.Reason.MALFORMED,
          "line " + e.getLineNumber() + ", column " + e.getColumnNumber());
    } catch (SAXException e) {
      throw new StatementRefused(StatementRefused.Reason.MALFORMED, null, e);
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException("XML parser unavailable", e);
    }
  }

  private static boolean isDoctype(SAXParseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.contains("DOCTYPE") || message.contains("disallow-doctype-decl");
  }

  static DocumentBuilderFactory factory() throws ParserConfigurationException {
    // The JDK's own implementation: the same hardening everywhere, whatever the server puts first.
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setFeature(DISALLOW_DOCTYPE, true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f;
  }
}
