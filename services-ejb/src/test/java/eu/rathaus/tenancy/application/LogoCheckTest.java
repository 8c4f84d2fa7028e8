package eu.rathaus.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LogoCheckTest {

  static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x2060a0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out));
    return out.toByteArray();
  }

  @Test
  void acceptsPngAndJpegByTheirBytes() throws IOException {
    LogoCheck.Result png = LogoCheck.check(image("png", 300, 120));
    assertTrue(png.accepted());
    assertEquals("image/png", png.mediaType());
    LogoCheck.Result jpeg = LogoCheck.check(image("jpg", 300, 120));
    assertEquals("image/jpeg", jpeg.mediaType());
    assertNull(jpeg.problemKey());
  }

  @Test
  void refusesWhatIsNotPngOrJpeg() throws IOException {
    byte[] text = "%PDF-1.7 not really a logo".getBytes(StandardCharsets.UTF_8);
    assertEquals("settings.logo.type", LogoCheck.check(text).problemKey());
    assertEquals("settings.logo.type", LogoCheck.check(image("gif", 10, 10)).problemKey());
    assertEquals("settings.logo.empty", LogoCheck.check(new byte[0]).problemKey());
    assertEquals("settings.logo.empty", LogoCheck.check(null).problemKey());
  }

  @Test
  void refusesMoreThan512Kilobytes() throws IOException {
    byte[] png = image("png", 10, 10);
    byte[] big = Arrays.copyOf(png, LogoCheck.MAX_BYTES + 1);
    assertEquals("settings.logo.tooLarge", LogoCheck.check(big).problemKey());
    assertTrue(LogoCheck.check(Arrays.copyOf(png, png.length)).accepted());
  }

  @Test
  void refusesImagesWiderOrHigherThan2000Pixels() throws IOException {
    assertTrue(LogoCheck.check(image("png", 2000, 1)).accepted());
    assertEquals("settings.logo.dimensions", LogoCheck.check(image("png", 2001, 1)).problemKey());
    assertEquals("settings.logo.dimensions", LogoCheck.check(image("png", 1, 2001)).problemKey());
  }

  @Test
  void refusesImagesThatDoNotDecode() throws IOException {
    byte[] png = image("png", 200, 200);
    byte[] truncated = Arrays.copyOf(png, png.length / 2);
    assertEquals("settings.logo.undecodable", LogoCheck.check(truncated).problemKey());
    byte[] headerOnly = Arrays.copyOf(png, 8);
    assertEquals("image/png", LogoCheck.detect(headerOnly));
    assertEquals("settings.logo.undecodable", LogoCheck.check(headerOnly).problemKey());
  }
}
