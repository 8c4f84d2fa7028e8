package eu.rathaus.web.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;

/** The text of all pages of a PDF, for assertions on receipts and notices. */
public final class PdfText {

  private PdfText() {}

  public static String of(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    return text.toString();
  }
}
