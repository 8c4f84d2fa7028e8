package eu.rathaus.attachments.infrastructure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small files with real magic numbers, made in code so no binary test fixtures are needed. */
public final class Samples {

  /** The EICAR anti-virus test file (harmless by design; every scanner detects it). */
  public static final byte[] EICAR =
      ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
          .getBytes(StandardCharsets.US_ASCII);

  private Samples() {}

  public static byte[] pdf() {
    return ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] png() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
    out.writeBytes(
        new byte[] {0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0});
    out.writeBytes(new byte[] {(byte) 0x90, 0x77, 0x53, (byte) 0xde});
    return out.toByteArray();
  }

  public static byte[] jpeg() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        new byte[] {
          (byte) 0xff,
          (byte) 0xd8,
          (byte) 0xff,
          (byte) 0xe0,
          0,
          0x10,
          'J',
          'F',
          'I',
          'F',
          0,
          1,
          1,
          0,
          0,
          1,
          0,
          1,
          0,
          0
        });
    out.writeBytes(new byte[64]);
    out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd9});
    return out.toByteArray();
  }

  /** The start of a Windows PE executable: DOS header "MZ", e_lfanew pointing at "PE\0\0". */
  public static byte[] exe() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, exe, 0x4e, stub.length);
    return exe;
  }
}
