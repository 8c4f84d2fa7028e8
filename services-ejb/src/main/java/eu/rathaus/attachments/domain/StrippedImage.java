package eu.rathaus.attachments.domain;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * A photo decoded to its pixels and encoded again, so that nothing but the pixels survives: no EXIF
 * (camera, time, GPS position), no XMP, no IPTC, no comments, no embedded thumbnail (which may
 * still show what was cropped away). Re-encoding is the only stripping that is safe against
 * metadata blocks nobody thought of; removing known segments one by one is not.
 *
 * <p>The size is read from the header before any pixel is decoded, so a small file that claims a
 * huge picture (a decompression bomb) is refused for the price of its header. Large photos are
 * scaled down to {@link #MAX_EDGE} pixels on their longer edge: enough to recognise a wallet, and
 * far less to store and send. The image is written without metadata of the writer's own beyond the
 * bare JFIF/PNG header.
 *
 * <p>A phone stores a photo taken sideways as the sensor saw it and says in the EXIF orientation
 * tag how to turn it. That tag would not survive, so it is applied to the pixels first ({@link
 * Orientation}: read with metadata-extractor, turned with Java2D): the stored photo stands upright
 * and carries no EXIF.
 *
 * @param content the re-encoded bytes
 * @param contentType {@code image/jpeg} or {@code image/png}, as the input was
 */
public record StrippedImage(byte[] content, String contentType, int width, int height) {

  /** Longer edge of a stored photo, in pixels. */
  public static final int MAX_EDGE = 1600;

  /** Largest picture decoded at all (about 8000 × 5000 pixels). */
  public static final long MAX_PIXELS = 40_000_000L;

  private static final float JPEG_QUALITY = 0.85f;

  /**
   * The image re-encoded without metadata; empty if the bytes are no readable JPEG or PNG, or the
   * picture is larger than {@link #MAX_PIXELS}.
   */
  public static Optional<StrippedImage> of(byte[] bytes, String contentType) {
    String format =
        switch (contentType == null ? "" : contentType) {
          case "image/jpeg" -> "jpeg";
          case "image/png" -> "png";
          default -> null;
        };
    if (format == null || bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try {
      BufferedImage image = decode(bytes, format);
      if (image == null) {
        return Optional.empty();
      }
      BufferedImage scaled = Orientation.of(bytes).upright(scaled(image, !"png".equals(format)));
      byte[] encoded = "png".equals(format) ? png(scaled) : jpeg(scaled);
      return Optional.of(
          new StrippedImage(encoded, contentType, scaled.getWidth(), scaled.getHeight()));
    } catch (IOException | RuntimeException e) {
      // Broken or hostile files make decoders throw anything; they are simply no photo.
      return Optional.empty();
    }
  }

  private static BufferedImage decode(byte[] bytes, String format) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
      if (in == null || !readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        // Metadata is never read: ignoreMetadata = true.
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > MAX_PIXELS) {
          return null;
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    }
  }

  /** Scaled to {@link #MAX_EDGE} if larger; always a fresh raster (RGB for JPEG, ARGB for PNG). */
  private static BufferedImage scaled(BufferedImage image, boolean opaque) {
    int width = image.getWidth();
    int height = image.getHeight();
    int longer = Math.max(width, height);
    if (longer > MAX_EDGE) {
      width = Math.max(1, (int) Math.round((double) width * MAX_EDGE / longer));
      height = Math.max(1, (int) Math.round((double) height * MAX_EDGE / longer));
    }
    BufferedImage target =
        new BufferedImage(
            width, height, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      if (opaque) {
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
      }
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer");
    }
    return out.toByteArray();
  }
}
