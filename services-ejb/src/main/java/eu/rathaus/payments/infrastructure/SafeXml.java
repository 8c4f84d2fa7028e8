package eu.rathaus.payments.infrastructure;

import eu.rathaus.kernel.HardenedXml;
import eu.rathaus.payments.domain.StatementRefused;
import org.w3c.dom.Document;

/**
 * Parses uploaded bank statements with the kernel's {@link HardenedXml} (no DOCTYPE, hence no XXE
 * and no entity expansion) and says a refusal in the treasury's terms.
 */
public final class SafeXml {

  private SafeXml() {}

  /**
   * Parses namespace-aware into a DOM.
   *
   * @throws StatementRefused {@code UNSAFE_XML} for any DOCTYPE, {@code MALFORMED} for broken XML
   */
  public static Document parse(byte[] content) {
    try {
      return HardenedXml.parse(content);
    } catch (HardenedXml.Refused e) {
      throw new StatementRefused(
          e.failure() == HardenedXml.Failure.DOCTYPE
              ? StatementRefused.Reason.UNSAFE_XML
              : StatementRefused.Reason.MALFORMED,
          e.detail(),
          e);
    }
  }
}
