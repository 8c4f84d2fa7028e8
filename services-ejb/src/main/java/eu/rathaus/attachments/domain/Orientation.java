package eu.rathaus.attachments.domain;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The EXIF orientation of a photo (TIFF tag 274): how the stored pixels must be turned or mirrored
 * to stand the right way up. Read with metadata-extractor, which reads the metadata blocks only and
 * never decodes a pixel; anything unreadable, missing or out of range is {@link #NORMAL}.
 */
public enum Orientation {
  /** 1: as stored. */
  NORMAL,
  /** 2: mirrored left to right. */
  MIRROR_HORIZONTAL,
  /** 3: upside down. */
  ROTATE_180,
  /** 4: mirrored top to bottom. */
  MIRROR_VERTICAL,
  /** 5: mirrored along the top-left to bottom-right diagonal. */
  TRANSPOSE,
  /** 6: turn 90° clockwise (a phone held upright with its top to the left). */
  ROTATE_90_CW,
  /** 7: mirrored along the top-right to bottom-left diagonal. */
  TRANSVERSE,
  /** 8: turn 90° counter-clockwise. */
  ROTATE_90_CCW;

  /** The orientation of EXIF value {@code tag} (1–8); {@link #NORMAL} for anything else. */
  public static Orientation ofTag(int tag) {
    return tag >= 1 && tag <= 8 ? values()[tag - 1] : NORMAL;
  }

  /** The orientation the image file's EXIF block states; {@link #NORMAL} if it states none. */
  public static Orientation of(byte[] image) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
      for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
        if (directory.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
          return ofTag(directory.getInt(ExifIFD0Directory.TAG_ORIENTATION));
        }
      }
      return NORMAL;
    } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
      // A broken or hostile metadata block says nothing about orientation.
      return NORMAL;
    }
  }

  /** Whether width and height change places. */
  public boolean swapsSides() {
    return ordinal() >= TRANSPOSE.ordinal();
  }

  /** {@code image} turned upright: a new image of the same type, or {@code image} if normal. */
  public BufferedImage upright(BufferedImage image) {
    if (this == NORMAL) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int type =
        image.getType() == BufferedImage.TYPE_CUSTOM
            ? BufferedImage.TYPE_INT_ARGB
            : image.getType();
    BufferedImage target =
        swapsSides() ? new BufferedImage(h, w, type) : new BufferedImage(w, h, type);
    Graphics2D g = target.createGraphics();
    try {
      g.drawImage(image, transform(w, h), null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /** Where a stored point (x, y) of a {@code w} × {@code h} image lands in the upright image. */
  AffineTransform transform(int w, int h) {
    // new AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02,
    // y' = m10·x + m11·y + m12.
    return switch (this) {
      case NORMAL -> new AffineTransform();
      case MIRROR_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case MIRROR_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, h);
      case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case ROTATE_90_CW -> new AffineTransform(0, 1, -1, 0, h, 0);
      case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w);
      case ROTATE_90_CCW -> new AffineTransform(0, -1, 1, 0, 0, w);
    };
  }
}
