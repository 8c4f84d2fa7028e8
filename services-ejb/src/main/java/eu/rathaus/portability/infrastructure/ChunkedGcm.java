package eu.rathaus.portability.infrastructure;

import eu.rathaus.portability.domain.PortabilityRefusal;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The archive's payload, encrypted in chunks of 1 MiB with AES-256-GCM so that neither side holds
 * the archive in memory: each chunk is framed as {@code [final flag: 1 byte][length: 4 bytes]
 * [ciphertext + tag]}, its nonce is the archive's random 8-byte prefix followed by the chunk's
 * number, and its associated data names the number and the final flag. Reordered, removed, added or
 * altered chunks and a payload cut off after any chunk fail the tag check or the final-chunk rule.
 */
final class ChunkedGcm {

  static final int CHUNK = 1 << 20;
  private static final int TAG_BITS = 128;

  private ChunkedGcm() {}

  static OutputStream encrypting(OutputStream out, SecretKey key, byte[] prefix) {
    return new Encrypting(out, key, prefix);
  }

  static InputStream decrypting(InputStream in, SecretKey key, byte[] prefix) {
    return new Decrypting(in, key, prefix);
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] prefix, int index, boolean last)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] nonce = ByteBuffer.allocate(12).put(prefix, 0, 8).putInt(index).array();
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(
        ("rathaus-export-chunk:v1|" + index + "|" + (last ? 1 : 0))
            .getBytes(StandardCharsets.US_ASCII));
    return cipher;
  }

  private static final class Encrypting extends OutputStream {
    private final DataOutputStream out;
    private final SecretKey key;
    private final byte[] prefix;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);
    private int index;
    private boolean closed;

    Encrypting(OutputStream out, SecretKey key, byte[] prefix) {
      this.out = new DataOutputStream(out);
      this.key = key;
      this.prefix = prefix.clone();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (buffer.size() == CHUNK) {
          emit(false);
        }
        int n = Math.min(len, CHUNK - buffer.size());
        buffer.write(b, off, n);
        off += n;
        len -= n;
      }
    }

    private void emit(boolean last) throws IOException {
      try {
        byte[] sealed =
            cipher(Cipher.ENCRYPT_MODE, key, prefix, index++, last).doFinal(buffer.toByteArray());
        out.writeByte(last ? 1 : 0);
        out.writeInt(sealed.length);
        out.write(sealed);
        buffer.reset();
      } catch (GeneralSecurityException e) {
        throw new IOException("AES-GCM not available", e);
      }
    }

    /** Writes the final chunk; does not close the stream underneath (an archive entry). */
    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        emit(true);
        out.flush();
      }
    }
  }

  private static final class Decrypting extends InputStream {
    private final DataInputStream in;
    private final SecretKey key;
    private final byte[] prefix;
    private byte[] chunk = new byte[0];
    private int position;
    private int index;
    private boolean finished;

    Decrypting(InputStream in, SecretKey key, byte[] prefix) {
      this.in = new DataInputStream(in);
      this.key = key;
      this.prefix = prefix.clone();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (position == chunk.length) {
        if (finished) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, chunk.length - position);
      System.arraycopy(chunk, position, b, off, n);
      position += n;
      return n;
    }

    private void next() throws IOException {
      boolean last;
      byte[] sealed;
      try {
        last = in.readByte() == 1;
        int length = in.readInt();
        if (length < 16 || length > CHUNK + 16) {
          throw tampered(null);
        }
        sealed = new byte[length];
        in.readFully(sealed);
      } catch (EOFException e) {
        throw tampered(e);
      }
      try {
        chunk = cipher(Cipher.DECRYPT_MODE, key, prefix, index++, last).doFinal(sealed);
      } catch (AEADBadTagException e) {
        throw tampered(e);
      } catch (GeneralSecurityException e) {
        throw new IOException("AES-GCM not available", e);
      }
      position = 0;
      if (last) {
        finished = true;
        if (in.read() != -1) {
          throw tampered(null);
        }
      }
    }

    private static PortabilityRefusal tampered(Exception cause) {
      return new PortabilityRefusal(
          "Der verschlüsselte Inhalt des Archivs ist verändert oder unvollständig / the archive's"
              + " encrypted content was altered or cut off",
          cause);
    }
  }
}
