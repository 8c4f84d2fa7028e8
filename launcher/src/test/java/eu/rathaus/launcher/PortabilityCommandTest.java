package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.portability.infrastructure.PortabilityKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortabilityCommandTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void keysAreWrittenOnceThePrivateSetReadableByTheOwnerOnly() throws Exception {
    StackConfig config = StackConfig.forTests(dir, dir.resolve("data"));
    Path keys = dir.resolve("keys");
    assertThat(PortabilityCommand.run("portability-keys", List.of(keys.toString()), config, out))
        .isEqualTo(Main.OK);
    Path privateFile = keys.resolve("portability-private.jwks");
    Path publicFile = keys.resolve("portability-public.jwks");
    assertThat(Files.getPosixFilePermissions(privateFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(publicFile)).doesNotContain("\"d\"");
    assertThat(PortabilityKeys.read(publicFile).encryptionThumbprint())
        .isEqualTo(PortabilityKeys.read(privateFile).encryptionThumbprint());
    String before = Files.readString(privateFile);
    assertThat(PortabilityCommand.run("portability-keys", List.of(keys.toString()), config, out))
        .isEqualTo(Main.FAILURE);
    assertThat(Files.readString(privateFile)).isEqualTo(before);
  }

  @Test
  void missingOptionsShowTheUsageAndUnreadableKeysAClearRefusal() {
    StackConfig config = StackConfig.forTests(dir, dir.resolve("data"));
    assertThat(PortabilityCommand.run("export-municipality", List.of("musterstadt"), config, out))
        .isEqualTo(Main.USAGE);
    assertThat(
            PortabilityCommand.run(
                "import-municipality",
                List.of("a.rathaus-export", "--key", "missing.jwks", "--from", "missing.jwks"),
                config,
                out))
        .isEqualTo(Main.FAILURE);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("export-municipality <slug>")
        .contains("Schlüsseldatei nicht lesbar");
  }
}
