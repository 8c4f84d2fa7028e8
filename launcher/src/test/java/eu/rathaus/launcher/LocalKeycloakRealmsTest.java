package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalKeycloakRealmsTest {

  @Test
  void importsEveryRealmFileOfTheIdentityModule() throws Exception {
    assertThat(LocalKeycloak.realmResources()).containsExactly(
        "keycloak/eid-realm.json", "keycloak/musterstadt-verzeichnis-realm.json", "keycloak/rathaus-realm.json");
  }

  @Test
  void passesTheKeycloakUrlForTheBrokeredRealms() {
    StackConfig config = StackConfig.forTests(Path.of("."), Path.of("target/realm-test"));
    assertThat(LocalKeycloak.environment(config)).containsEntry("RATHAUS_KEYCLOAK_URL", config.keycloakUrl());
  }
}
