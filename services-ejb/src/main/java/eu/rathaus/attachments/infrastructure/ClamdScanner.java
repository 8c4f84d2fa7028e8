package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.MalwareScanner;
import eu.rathaus.attachments.domain.ScanResult;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small clamd client speaking the INSTREAM command over TCP.
 *
 * <p>The protocol: {@code zINSTREAM\0}, then chunks each prefixed with its length as a 4-byte
 * big-endian integer, then a zero-length chunk; clamd answers one NUL-terminated line, {@code
 * stream: OK} or {@code stream: <signature> FOUND}, or a line ending in {@code ERROR} (e.g. when
 * the stream exceeds clamd's {@code StreamMaxLength}). Written here rather than taken from a
 * library because Maven Central has no maintained Java client, and the protocol is a few lines.
 *
 * <p>Fails closed: any problem (refused connection, timeout, a reply that is not understood) is
 * {@link ScanResult.Verdict#UNAVAILABLE}, never clean.
 */
public final class ClamdScanner implements MalwareScanner {

  static final int CHUNK_BYTES = 64 * 1024;
  private static final int MAX_REPLY_BYTES = 1024;

  private final String host;
  private final int port;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  public ClamdScanner(String host, int port, Duration connectTimeout, Duration readTimeout) {
    this.host = host;
    this.port = port;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  public ClamdScanner(String host, int port) {
    this(host, port, Duration.ofSeconds(3), Duration.ofSeconds(60));
  }

  @Override
  public ScanResult scan(byte[] content) {
    try (Socket socket = open()) {
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), CHUNK_BYTES + 4));
      try {
        out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
        for (int offset = 0; offset < content.length; offset += CHUNK_BYTES) {
          int length = Math.min(CHUNK_BYTES, content.length - offset);
          out.writeInt(length);
          out.write(content, offset, length);
        }
        out.writeInt(0);
        out.flush();
      } catch (IOException writeFailed) {
        // clamd closes the stream early when it refuses (size limit); its reason may still be
        // readable.
        String reply = readReplyQuietly(socket);
        return ScanResult.unavailable(
            reply != null ? reply : "write failed: " + writeFailed.getMessage());
      }
      return interpret(readReply(socket.getInputStream()));
    } catch (SocketTimeoutException e) {
      return ScanResult.unavailable("clamd did not answer in time");
    } catch (IOException e) {
      return ScanResult.unavailable("clamd not reachable: " + e.getMessage());
    }
  }

  @Override
  public boolean isAvailable() {
    return ping();
  }

  /** True if clamd answers {@code PING} with {@code PONG}; for the start-up log. */
  public boolean ping() {
    try (Socket socket = open()) {
      socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return "PONG".equals(readReply(socket.getInputStream()));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public boolean isConfigured() {
    return true;
  }

  @Override
  public String describe() {
    return "clamd " + host + ":" + port;
  }

  private Socket open() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      socket.setSoTimeout((int) readTimeout.toMillis());
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Reads up to the terminating NUL (or end of stream), bounded so a rogue peer cannot flood us.
   */
  static String readReply(InputStream in) throws IOException {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != 0) {
      if (reply.size() >= MAX_REPLY_BYTES) {
        throw new IOException("clamd reply too long");
      }
      reply.write(b);
    }
    return reply.toString(StandardCharsets.US_ASCII).strip();
  }

  private static String readReplyQuietly(Socket socket) {
    try {
      String reply = readReply(socket.getInputStream());
      return reply.isEmpty() ? null : reply;
    } catch (IOException e) {
      return null;
    }
  }

  /** Maps clamd's reply line to a verdict; anything unexpected is {@code UNAVAILABLE}. */
  static ScanResult interpret(String reply) {
    if (reply == null || reply.isEmpty()) {
      return ScanResult.unavailable("empty reply from clamd");
    }
    if (reply.endsWith("ERROR")) {
      return ScanResult.unavailable(reply);
    }
    if (!reply.startsWith("stream: ")) {
      return ScanResult.unavailable("unexpected reply from clamd: " + reply);
    }
    String verdict = reply.substring("stream: ".length());
    if ("OK".equals(verdict)) {
      return ScanResult.clean();
    }
    if (verdict.endsWith(" FOUND") && verdict.length() > " FOUND".length()) {
      return ScanResult.infected(verdict.substring(0, verdict.length() - " FOUND".length()));
    }
    return ScanResult.unavailable("unexpected reply from clamd: " + reply);
  }
}
