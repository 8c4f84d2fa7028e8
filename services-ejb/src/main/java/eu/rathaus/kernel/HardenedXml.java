package eu.rathaus.kernel;

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
 * ("billion laughs") is ever declared, let alone resolved. The files the portal takes in (bank
 * statements, FIM schemas) never need a DOCTYPE, so refusing any is both the simplest and the
 * safest rule. Further features are switched off as a second line in case a parser ignores the
 * first.
 */
public final class HardenedXml {

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  private HardenedXml() {}

  /** Why a document was not read. */
  public enum Failure {
    /** The document declares a DOCTYPE (DTD, entities): refused unread. */
    DOCTYPE,
    /** Not well-formed XML. */
    MALFORMED
  }

  /** A refused document; {@code detail} names the place (line, column) when the parser knows it. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final Failure failure;
    private final String detail;

    Refused(Failure failure, String detail, Throwable cause) {
      super(failure + (detail == null ? "" : ": " + detail), cause);
      this.failure = failure;
      this.detail = detail;
    }

    public Failure failure() {
      return failure;
    }

    public String detail() {
      return detail;
    }
  }

  /** Parses namespace-aware into a DOM, or refuses with the reason. */
  public static Document parse(byte[] content) throws Refused {
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
        throw new Refused(Failure.DOCTYPE, "DOCTYPE is not allowed", e);
      }
      throw new Refused(
          Failure.MALFORMED, "line " + e.getLineNumber() + ", column " + e.getColumnNumber(), e);
    } catch (SAXException e) {
      throw new Refused(Failure.MALFORMED, null, e);
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException("XML parser unavailable", e);
    }
  }

  private static boolean isDoctype(SAXParseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.contains("DOCTYPE") || message.contains("disallow-doctype-decl");
  }

  /** The hardened factory (the JDK's own implementation, whatever the server puts first). */
  public static DocumentBuilderFactory factory() throws ParserConfigurationException {
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
