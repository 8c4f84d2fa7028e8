package eu.rathaus.attachments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EXIF orientation, with photos made in the test: a picture of four coloured quarters (red top
 * left, green top right, blue bottom left, yellow bottom right), written as a JPEG whose EXIF block
 * (written by commons-imaging, as a camera would) states the orientation. Read back from the bytes,
 * applied by {@link Orientation#upright}, and through {@link StrippedImage}: the stored photo
 * stands upright and has no EXIF left.
 */
class OrientationTest {

  private static final int WIDTH = 240;
  private static final int HEIGHT = 120;

  /**
   * Expected colours of the upright picture's quarters: top left, top right, bottom left, right.
   */
  @ParameterizedTest(name = "orientation {0}")
  @CsvSource({
    "1, RGBY", "2, GRYB", "3, YBGR", "4, BYRG", "5, RBGY", "6, BRYG", "7, YGBR", "8, GYRB"
  })
  void everyOrientationIsReadFromTheExifBlockAndTurnedUpright(int tag, String quarters)
      throws Exception {
    byte[] photo = withOrientation(jpeg(quarters()), tag);

    Orientation orientation = Orientation.of(photo);

    assertThat(orientation).isEqualTo(Orientation.ofTag(tag));
    BufferedImage upright = orientation.upright(quarters());
    assertThat(upright.getWidth()).isEqualTo(orientation.swapsSides() ? HEIGHT : WIDTH);
    assertThat(upright.getHeight()).isEqualTo(orientation.swapsSides() ? WIDTH : HEIGHT);
    assertThat(quartersOf(upright)).isEqualTo(quarters);
  }

  @Test
  void aPhonephotoTakenSidewaysIsStoredUprightWithoutExif() throws Exception {
    byte[] sideways = withOrientation(jpeg(quarters()), 6);
    assertThat(new String(sideways, StandardCharsets.ISO_8859_1)).contains("Exif\0\0");

    StrippedImage stripped = StrippedImage.of(sideways, "image/jpeg").orElseThrow();

    assertThat(new String(stripped.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    assertThat(Orientation.of(stripped.content())).isEqualTo(Orientation.NORMAL);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(stripped.content()));
    assertThat(back.getWidth()).isEqualTo(HEIGHT);
    assertThat(back.getHeight()).isEqualTo(WIDTH);
    assertThat(stripped.width()).isEqualTo(HEIGHT);
    assertThat(stripped.height()).isEqualTo(WIDTH);
    // Turned 90° clockwise: the stored left side (red over blue) is now the top, blue left.
    assertThat(quartersOf(back)).isEqualTo("BRYG");
  }

  @Test
  void aLargeSidewaysPhotoIsScaledAndTurned() throws Exception {
    byte[] sideways = withOrientation(jpeg(scaledQuarters(3200, 1600)), 8);

    StrippedImage stripped = StrippedImage.of(sideways, "image/jpeg").orElseThrow();

    assertThat(stripped.width()).isEqualTo(800);
    assertThat(stripped.height()).isEqualTo(StrippedImage.MAX_EDGE);
    assertThat(quartersOf(ImageIO.read(new ByteArrayInputStream(stripped.content()))))
        .isEqualTo("GYRB");
  }

  @Test
  void noTagABrokenBlockOrAnUnknownValueLeavesThePhotoAsItIs() throws Exception {
    byte[] plain = jpeg(quarters());
    assertThat(Orientation.of(plain)).isEqualTo(Orientation.NORMAL);
    assertThat(Orientation.of(withOrientation(plain, 9))).isEqualTo(Orientation.NORMAL);
    assertThat(Orientation.of(withOrientation(plain, 0))).isEqualTo(Orientation.NORMAL);
    assertThat(Orientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0}))
        .isEqualTo(Orientation.NORMAL);
    assertThat(Orientation.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(Orientation.NORMAL);
    assertThat(quartersOf(Orientation.NORMAL.upright(quarters()))).isEqualTo("RGBY");
    StrippedImage stripped = StrippedImage.of(plain, "image/jpeg").orElseThrow();
    assertThat(stripped.width()).isEqualTo(WIDTH);
    assertThat(quartersOf(ImageIO.read(new ByteArrayInputStream(stripped.content()))))
        .isEqualTo("RGBY");
  }

  // --- making the test photos ---

  private static BufferedImage quarters() {
    return scaledQuarters(WIDTH, HEIGHT);
  }

  private static BufferedImage scaledQuarters(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    int w = width / 2;
    int h = height / 2;
    g.setColor(Color.RED);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.GREEN);
    g.fillRect(w, 0, width - w, h);
    g.setColor(Color.BLUE);
    g.fillRect(0, h, w, height - h);
    g.setColor(Color.YELLOW);
    g.fillRect(w, h, width - w, height - h);
    g.dispose();
    return image;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  /** The JPEG with an EXIF block whose IFD0 states orientation {@code tag}, as a camera writes. */
  private static byte[] withOrientation(byte[] jpeg, int tag) throws IOException, ImagingException {
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) tag);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
    return out.toByteArray();
  }

  /** The colours at the centres of the four quarters, as letters R, G, B, Y (? for others). */
  private static String quartersOf(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    StringBuilder letters = new StringBuilder();
    for (int[] at :
        List.of(
            new int[] {w / 4, h / 4},
            new int[] {3 * w / 4, h / 4},
            new int[] {w / 4, 3 * h / 4},
            new int[] {3 * w / 4, 3 * h / 4})) {
      letters.append(letter(new Color(image.getRGB(at[0], at[1]))));
    }
    return letters.toString();
  }

  private static char letter(Color c) {
    boolean r = c.getRed() > 180;
    boolean g = c.getGreen() > 180;
    boolean b = c.getBlue() > 180;
    if (r && g && !b) {
      return 'Y';
    }
    if (r && !g && !b) {
      return 'R';
    }
    if (!r && g && !b) {
      return 'G';
    }
    if (!r && !g && b) {
      return 'B';
    }
    return '?';
  }
}
