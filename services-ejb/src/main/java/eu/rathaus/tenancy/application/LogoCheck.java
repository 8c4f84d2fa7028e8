package eu.rathaus.tenancy.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Checks an uploaded letterhead logo before it is stored: PNG or JPEG as the bytes say (Tika's
 * magic numbers, like attachments; never the file name or the browser's content type), at most
 * {@link #MAX_BYTES}, and an image that actually decodes within {@link #MAX_PIXELS} on each side.
 * The dimensions are read from the header before decoding, so a small file claiming a huge image is
 * refused without allocating its pixels.
 */
public final class LogoCheck {

  /** Largest logo accepted (512 KB). */
  public static final int MAX_BYTES = 512 * 1024;

  /** Largest width or height accepted. */
  public static final int MAX_PIXELS = 2000;

  private static final Set<String> TYPES = Set.of("image/png", "image/jpeg");
  // Tika's magic numbers directly, not attachments' detector: tenancy is below attachments (no
  // cycle).
  private static final MimeTypes DETECTOR = MimeTypes.getDefaultMimeTypes();

  private LogoCheck() {}

  /** The outcome: the detected media type, or the message key of the refusal. */
  public record Result(String mediaType, String problemKey) {
    public boolean accepted() {
      return problemKey == null;
    }
  }

  /** The media type the bytes are, by their magic numbers only (the name is never asked). */
  static String detect(byte[] content) {
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return DETECTOR.detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Result check(byte[] content) {
    if (content == null || content.length == 0) {
      return refused("settings.logo.empty");
    }
    if (content.length > MAX_BYTES) {
      return refused("settings.logo.tooLarge");
    }
    String type = detect(content);
    if (!TYPES.contains(type)) {
      return refused("settings.logo.type");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      if (in == null) {
        return refused("settings.logo.undecodable");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return refused("settings.logo.undecodable");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if (reader.getWidth(0) > MAX_PIXELS || reader.getHeight(0) > MAX_PIXELS) {
          return refused("settings.logo.dimensions");
        }
        // Decode fully: a truncated or corrupt image would otherwise reach the PDF renderer.
        if (reader.read(0) == null) {
          return refused("settings.logo.undecodable");
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return refused("settings.logo.undecodable");
    }
    return new Result(type, null);
  }

  private static Result refused(String key) {
    return new Result(null, key);
  }
}
