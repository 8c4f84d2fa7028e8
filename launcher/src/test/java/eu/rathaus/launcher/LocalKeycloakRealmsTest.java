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
  void copiesThePortalsEmailThemeWithBothLanguagesAndBothParts() throws Exception {
    assertThat(LocalKeycloak.themeResources()).contains(
        "keycloak/themes/rathaus/email/theme.properties",
        "keycloak/themes/rathaus/email/messages/messages_de.properties",
        "keycloak/themes/rathaus/email/messages/messages_en.properties",
        "keycloak/themes/rathaus/email/html/executeActions.ftl",
        "keycloak/themes/rathaus/email/text/executeActions.ftl");
  }

  @Test
  void passesTheKeycloakUrlForTheBrokeredRealms() {
    StackConfig config = StackConfig.forTests(Path.of("."), Path.of("target/realm-test"));
    assertThat(LocalKeycloak.environment(config)).containsEntry("RATHAUS_KEYCLOAK_URL", config.keycloakUrl());
  }
}
