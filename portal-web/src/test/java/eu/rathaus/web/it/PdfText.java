package eu.rathaus.web.it;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;

/** The text of all pages of a PDF (and its images), for assertions on receipts and notices. */
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

  /** How many image XObjects page {@code page} draws from its own resources. */
  public static int imagesOnPage(byte[] pdf, int page) throws IOException {
    PdfDictionary resources = new PdfReader(pdf).getPageN(page).getAsDict(PdfName.RESOURCES);
    PdfDictionary objects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
    if (objects == null) {
      return 0;
    }
    int images = 0;
    for (PdfName name : objects.getKeys()) {
      PdfDictionary object = (PdfDictionary) PdfReader.getPdfObject(objects.get(name));
      if (PdfName.IMAGE.equals(object.getAsName(PdfName.SUBTYPE))) {
        images++;
      }
    }
    return images;
  }
}
