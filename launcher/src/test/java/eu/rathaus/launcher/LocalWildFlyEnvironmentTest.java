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

  @Test
  void wildFlyGetsTheMemorySwitchesOfIssue16() {
    StackConfig config = StackConfig.forTests(Path.of("."), Path.of("target/wildfly-env-test"));
    var env = LocalWildFly.environment(config);
    // standalone.conf puts JBOSS_JAVA_SIZING on the JVM's command line; glibc reads the arenas.
    assertThat(env.get("JBOSS_JAVA_SIZING").split(" "))
        .contains("-Xmx384m", "-XX:TrimNativeHeapInterval=10000");
    assertThat(env).containsEntry("MALLOC_ARENA_MAX", "2");
  }
}
