package eu.rathaus.attachments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.attachments.domain.ScanResult;
import eu.rathaus.attachments.domain.ScanResult.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The INSTREAM client against a small in-test server that speaks the protocol, for the cases a real
 * clamd will not produce on demand (garbage, silence, hang-ups). The real clamd is exercised by the
 * launcher's LocalClamdTest and the portal's AttachmentIT.
 */
class ClamdScannerTest {

  private FakeClamd fake;

  @AfterEach
  void stop() throws Exception {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void streamsInChunksAndReadsOk() throws Exception {
    fake = new FakeClamd(bytes -> "stream: OK\0");
    byte[] content = new byte[200_000];
    new java.util.Random(7).nextBytes(content);
    ScanResult result = scanner().scan(content);
    assertThat(result.verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(fake.command()).isEqualTo("zINSTREAM");
    assertThat(fake.received()).isEqualTo(content);
    assertThat(fake.chunkSizes).allMatch(size -> size > 0 && size <= ClamdScanner.CHUNK_BYTES);
    assertThat(fake.chunkSizes.stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(content.length);
  }

  @Test
  void anEmptyFileIsOnlyTheTerminatingChunk() throws Exception {
    fake = new FakeClamd(bytes -> "stream: OK\0");
    assertThat(scanner().scan(new byte[0]).verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(fake.chunkSizes).isEmpty();
  }

  @Test
  void reportsTheSignatureFound() throws Exception {
    fake = new FakeClamd(bytes -> "stream: Eicar-Test-Signature FOUND\0");
    ScanResult result = scanner().scan(Samples.EICAR);
    assertThat(result.verdict()).isEqualTo(Verdict.INFECTED);
    assertThat(result.detail()).isEqualTo("Eicar-Test-Signature");
  }

  @Test
  void anErrorReplyIsUnavailableNeverClean() throws Exception {
    fake = new FakeClamd(bytes -> "INSTREAM size limit exceeded. ERROR\0");
    ScanResult result = scanner().scan(new byte[10]);
    assertThat(result.verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(result.detail()).contains("size limit");
  }

  @Test
  void aHangUpWithoutReplyIsUnavailable() throws Exception {
    fake = new FakeClamd(bytes -> "");
    assertThat(scanner().scan(new byte[10]).verdict()).isEqualTo(Verdict.UNAVAILABLE);
  }

  @Test
  void silenceIsATimeout() throws Exception {
    fake = new FakeClamd(bytes -> null);
    ScanResult result =
        new ClamdScanner("127.0.0.1", fake.port(), Duration.ofSeconds(2), Duration.ofMillis(300))
            .scan(new byte[10]);
    assertThat(result.verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(result.detail()).contains("in time");
  }

  @Test
  void nobodyListeningIsUnavailable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ScanResult result = new ClamdScanner("127.0.0.1", port).scan(new byte[10]);
    assertThat(result.verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(new ClamdScanner("127.0.0.1", port).ping()).isFalse();
  }

  @Test
  void interpretsOnlyWhatClamdReallySays() {
    assertThat(ClamdScanner.interpret("stream: OK").verdict()).isEqualTo(Verdict.CLEAN);
    assertThat(ClamdScanner.interpret("stream: Win.Test.EICAR_HDB-1 FOUND").detail())
        .isEqualTo("Win.Test.EICAR_HDB-1");
    assertThat(ClamdScanner.interpret("stream:  FOUND").verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(ClamdScanner.interpret("stream: FOUND").verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(ClamdScanner.interpret("OK").verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(ClamdScanner.interpret("stream: OKAY").verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(ClamdScanner.interpret("").verdict()).isEqualTo(Verdict.UNAVAILABLE);
    assertThat(ClamdScanner.interpret("lstat() failed. ERROR").verdict())
        .isEqualTo(Verdict.UNAVAILABLE);
  }

  private ClamdScanner scanner() {
    return new ClamdScanner("127.0.0.1", fake.port(), Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  /**
   * Accepts one connection, reads an INSTREAM request and answers what the test says (null:
   * nothing).
   */
  private static final class FakeClamd implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    final List<Integer> chunkSizes = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    final CountDownLatch done = new CountDownLatch(1);
    volatile String command;
    final Thread thread;

    FakeClamd(Function<byte[], String> reply) throws IOException {
      thread = new Thread(() -> serve(reply), "fake-clamd");
      thread.setDaemon(true);
      thread.start();
    }

    private void serve(Function<byte[], String> reply) {
      try (Socket socket = server.accept()) {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        ByteArrayOutputStream cmd = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
          cmd.write(b);
        }
        command = cmd.toString(StandardCharsets.US_ASCII);
        while (true) {
          int length = in.readInt();
          if (length == 0) {
            break;
          }
          chunkSizes.add(length);
          byte[] chunk = in.readNBytes(length);
          synchronized (data) {
            data.writeBytes(chunk);
          }
        }
        done.countDown();
        String answer = reply.apply(received());
        if (answer == null) {
          Thread.sleep(2_000);
          return;
        }
        socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
      } catch (IOException | InterruptedException e) {
        // the test's assertions tell what went wrong
      }
    }

    int port() {
      return server.getLocalPort();
    }

    String command() throws InterruptedException {
      done.await(5, TimeUnit.SECONDS);
      return command;
    }

    byte[] received() {
      synchronized (data) {
        return data.toByteArray();
      }
    }

    @Override
    public void close() throws Exception {
      server.close();
      thread.join(3_000);
    }
  }
}
