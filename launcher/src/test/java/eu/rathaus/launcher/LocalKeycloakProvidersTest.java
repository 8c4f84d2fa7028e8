package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeycloakProvidersTest {

  @TempDir Path home;

  @Test
  void installsTheFederationGuardsAsAProviderJar() throws Exception {
    LocalKeycloak.installProviders(home);
    Path jar = home.resolve("providers").resolve(LocalKeycloak.PROVIDER_JAR);
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(
              file.getEntry("META-INF/services/org.keycloak.authentication.AuthenticatorFactory"))
          .isNotNull();
      assertThat(file.getEntry(LocalKeycloak.PROVIDER_ANCHOR)).isNotNull();
      assertThat(file.getEntry("theme-resources/messages/messages_de.properties")).isNotNull();
    }
  }

  @Test
  void anUnchangedProviderIsNotRewrittenSoKeycloakNeedsNoRebuild() throws Exception {
    String first = LocalKeycloak.installProviders(home);
    Path jar = home.resolve("providers").resolve(LocalKeycloak.PROVIDER_JAR);
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(jar, old);

    assertThat(LocalKeycloak.installProviders(home)).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(old);
  }
}
