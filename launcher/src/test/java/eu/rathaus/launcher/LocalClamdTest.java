package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real clamd as the stack runs it, on a free port: our signature file makes it detect EICAR
 * (with and without a trailing newline) and leave other files alone. Runs wherever {@code
 * clamav-daemon} is installed ({@code .ci/run} installs it).
 */
class LocalClamdTest {

  static final String EICAR =
      "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  @TempDir Path dataDir;

  private StackConfig config() {
    return StackConfig.fromEnvironment(
        Path.of("").toAbsolutePath().getParent(),
        Map.of(
            "RATHAUS_DATA_DIR", dataDir.toString(),
            "RATHAUS_CLAMD_PORT", Integer.toString(Ports.freePort())));
  }

  @Test
  void configurationBindsLoopbackOnlyAndLoadsOnlyOurSignatures() throws IOException {
    StackConfig config = config();
    Files.createDirectories(LocalClamd.databaseDirectory(config));
    Files.writeString(LocalClamd.databaseDirectory(config).resolve("stale.ndb"), "x");
    LocalClamd.prepare(config);
    String conf = Files.readString(LocalClamd.configFile(config));
    assertThat(conf)
        .contains(
            "TCPSocket " + config.clamdPort(),
            "TCPAddr 127.0.0.1",
            "Foreground yes",
            "DatabaseDirectory " + LocalClamd.databaseDirectory(config))
        .doesNotContain("LocalSocket");
    try (var files = Files.list(LocalClamd.databaseDirectory(config))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("rathaus-test.ndb", "rathaus-test.hdb");
    }
  }

  @Test
  @EnabledIf("eu.rathaus.launcher.LocalClamd#available")
  void detectsEicarAndPassesOrdinaryFiles() throws IOException {
    StackConfig config = config();
    try (LocalClamd clamd = LocalClamd.start(config)) {
      assertThat(LocalClamd.ping(clamd.port())).isTrue();
      assertThat(instream(clamd.port(), EICAR.getBytes(StandardCharsets.US_ASCII)))
          .isEqualTo("stream: Rathaus.Test.EICAR.UNOFFICIAL FOUND");
      assertThat(instream(clamd.port(), (EICAR + "\n").getBytes(StandardCharsets.US_ASCII)))
          .endsWith(" FOUND");
      assertThat(instream(clamd.port(), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
          .isEqualTo("stream: OK");
    }
    assertThat(LocalClamd.ping(config.clamdPort())).isFalse();
  }

  /** The INSTREAM exchange, written out plainly (the portal's client is tested in services-ejb). */
  private static String instream(int port, byte[] content) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
      out.writeInt(content.length);
      out.write(content);
      out.writeInt(0);
      out.flush();
      byte[] reply = socket.getInputStream().readAllBytes();
      return new String(reply, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }
  }
}
