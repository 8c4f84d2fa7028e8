package eu.rathaus.web.it;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of all pages of a PDF (and its images), for assertions on receipts and notices. */
public final class PdfText {

  private PdfText() {}

  /**
   * All text, with every run of white space (line breaks included) as one space: where a line wraps
   * is the layout's business, the assertions are about the words.
   */
  public static String of(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  /** How many image XObjects page {@code page} (1-based) draws from its own resources. */
  public static int imagesOnPage(byte[] pdf, int page) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(page - 1).getResources();
      int images = 0;
      for (COSName name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject) {
          images++;
        }
      }
      return images;
    }
  }
}
