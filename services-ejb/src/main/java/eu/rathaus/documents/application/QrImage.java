package eu.rathaus.documents.application;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A QR symbol as a black-and-white PNG for a PDF document ({@link AccessiblePdf#image}): the
 * receipt's GiroCode, the certificate of residence's verification address.
 */
public final class QrImage {

  private QrImage() {}

  /** The symbol with {@code scale} pixels per module. */
  public static byte[] png(BitMatrix matrix, int scale) {
    int width = matrix.getWidth() * scale;
    int height = matrix.getHeight() * scale;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
