package eu.rathaus.attachments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class StrippedImageTest {

  /** Latitude 49° 27' 10" N, as a camera writes it into the GPS IFD. */
  private static final int GPS_LATITUDE_TAG = 0x0002;

  @Test
  void aJpegWithGpsExifComesOutWithNoMetadataAtAll() throws IOException {
    byte[] withGps = withExif(jpeg(320, 200), exifWithGps());
    // Arrange check: the photo really carries an EXIF block with a GPS position.
    assertThat(app1Segments(withGps)).hasSize(1);
    assertThat(new String(withGps, StandardCharsets.ISO_8859_1)).contains("Exif\0\0");
    assertThat(gpsLatitudeTagIn(app1Segments(withGps).get(0))).isTrue();
    assertThat(ImageIO.read(new ByteArrayInputStream(withGps))).isNotNull();

    StrippedImage stripped = StrippedImage.of(withGps, "image/jpeg").orElseThrow();

    assertThat(app1Segments(stripped.content())).isEmpty();
    assertThat(new String(stripped.content(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif")
        .doesNotContain("Rathaus-Testkamera");
    assertThat(stripped.contentType()).isEqualTo("image/jpeg");
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(stripped.content()));
    assertThat(back.getWidth()).isEqualTo(320);
    assertThat(back.getHeight()).isEqualTo(200);
    // The pixels survive: the left half was red.
    Color left = new Color(back.getRGB(40, 100));
    assertThat(left.getRed()).isGreaterThan(200);
    assertThat(left.getBlue()).isLessThan(60);
  }

  @Test
  void aLargePhotoIsScaledDownToTheLongestEdge() throws IOException {
    StrippedImage stripped = StrippedImage.of(jpeg(3200, 1000), "image/jpeg").orElseThrow();

    assertThat(stripped.width()).isEqualTo(StrippedImage.MAX_EDGE);
    assertThat(stripped.height()).isEqualTo(500);
  }

  @Test
  void aPngStaysAPngWithoutTextChunks() throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);

    StrippedImage stripped = StrippedImage.of(out.toByteArray(), "image/png").orElseThrow();

    assertThat(stripped.contentType()).isEqualTo("image/png");
    String text = new String(stripped.content(), StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("tEXt").doesNotContain("eXIf").doesNotContain("iTXt");
  }

  @Test
  void whatIsNoImageIsRefused() {
    assertThat(
            StrippedImage.of("%PDF-1.7 nothing".getBytes(StandardCharsets.US_ASCII), "image/jpeg"))
        .isEmpty();
    assertThat(StrippedImage.of(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}, "image/jpeg"))
        .isEmpty();
    assertThat(StrippedImage.of(new byte[] {1}, "application/pdf")).isEmpty();
    assertThat(StrippedImage.of(null, "image/png")).isEmpty();
  }

  @Test
  void aHeaderClaimingAHugePictureIsRefusedBeforeDecoding() throws IOException {
    byte[] png = pngOf(8, 8);
    // IHDR width and height start at byte 16; claim 100000 × 100000 pixels.
    ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);

    assertThat(StrippedImage.of(png, "image/png")).isEmpty();
  }

  // --- making the test photos ---

  private static byte[] jpeg(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  private static byte[] pngOf(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  /** The JPEG with an APP1 segment right after SOI (where cameras put EXIF). */
  private static byte[] withExif(byte[] jpeg, byte[] exifPayload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    int length = exifPayload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(exifPayload, 0, exifPayload.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /**
   * "Exif\0\0" and a big-endian TIFF structure: IFD0 with Make and a pointer to the GPS IFD, which
   * holds GPSLatitudeRef = N and GPSLatitude = 49/1, 27/1, 10/1.
   */
  private static byte[] exifWithGps() {
    ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.BIG_ENDIAN);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    // IFD0 at 8: two entries.
    int makeOffset = 8 + 2 + 2 * 12 + 4; // 38
    byte[] make = "Rathaus-Testkamera\0".getBytes(StandardCharsets.US_ASCII);
    int gpsIfd = makeOffset + make.length; // 57
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeOffset);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    tiff.putInt(0);
    tiff.put(make);
    // GPS IFD: two entries, the rationals after it.
    int rationals = gpsIfd + 2 + 2 * 12 + 4;
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    tiff.putShort((short) GPS_LATITUDE_TAG).putShort((short) 5).putInt(3).putInt(rationals);
    tiff.putInt(0);
    tiff.putInt(49).putInt(1).putInt(27).putInt(1).putInt(10).putInt(1);
    byte[] body = new byte[tiff.position()];
    tiff.flip();
    tiff.get(body);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** The payloads of all APP1 segments (EXIF, XMP) before the image data. */
  private static List<byte[]> app1Segments(byte[] jpeg) {
    List<byte[]> segments = new ArrayList<>();
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        break; // start of scan: no more metadata segments
      }
      int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      if (marker == 0xE1) {
        byte[] payload = new byte[length - 2];
        System.arraycopy(jpeg, i + 4, payload, 0, payload.length);
        segments.add(payload);
      }
      i += 2 + length;
    }
    return segments;
  }

  /** Whether the EXIF payload has a GPS IFD holding a latitude entry. */
  private static boolean gpsLatitudeTagIn(byte[] exif) {
    ByteBuffer tiff = ByteBuffer.wrap(exif, 6, exif.length - 6).slice();
    int ifd0 = tiff.getInt(4);
    int entries = tiff.getShort(ifd0);
    for (int e = 0; e < entries; e++) {
      int at = ifd0 + 2 + e * 12;
      if ((tiff.getShort(at) & 0xFFFF) == 0x8825) {
        int gps = tiff.getInt(at + 8);
        int gpsEntries = tiff.getShort(gps);
        for (int g = 0; g < gpsEntries; g++) {
          if (tiff.getShort(gps + 2 + g * 12) == GPS_LATITUDE_TAG) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
