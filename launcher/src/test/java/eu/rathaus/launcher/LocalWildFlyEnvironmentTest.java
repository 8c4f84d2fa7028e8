package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalWildFlyEnvironmentTest {

  @Test
  void localPortalShowsTheDemoCatalogueUnlessTheShellSaysOtherwise() {
    StackConfig config = StackConfig.forTests(Path.of("."), Path.of("target/wildfly-env-test"));
    String expected = System.getenv().getOrDefault("RATHAUS_DEMO_DATA", "true");
    assertThat(LocalWildFly.environment(config)).containsEntry("RATHAUS_DEMO_DATA", expected);
  }
}
