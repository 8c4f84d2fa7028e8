package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalKeycloakRealmsTest {

  @Test
  void importsEveryRealmFileOfTheIdentityModule() throws Exception {
    assertThat(LocalKeycloak.realmResources())
        .containsExactly(
            "keycloak/eid-realm.json",
            "keycloak/musterstadt-verzeichnis-realm.json",
            "keycloak/rathaus-realm.json");
  }

  @Test
  void copiesThePortalsEmailThemeWithBothLanguagesAndBothParts() throws Exception {
    assertThat(LocalKeycloak.themeResources())
        .contains(
            "keycloak/themes/rathaus/email/theme.properties",
            "keycloak/themes/rathaus/email/messages/messages_de.properties",
            "keycloak/themes/rathaus/email/messages/messages_en.properties",
            "keycloak/themes/rathaus/email/html/executeActions.ftl",
            "keycloak/themes/rathaus/email/text/executeActions.ftl");
  }

  @Test
  void passesTheKeycloakUrlForTheBrokeredRealms() {
    StackConfig config = StackConfig.forTests(Path.of("."), Path.of("target/realm-test"));
    assertThat(LocalKeycloak.environment(config))
        .containsEntry("RATHAUS_KEYCLOAK_URL", config.keycloakUrl());
  }

  @Test
  void productionRealmHasNoDemoUsersButBruteForceDetectionAndAPasswordPolicy() throws Exception {
    JsonNode realm = new ObjectMapper().readTree(realmFile());
    assertThat(usernames(realm)).containsExactly("service-account-rathaus-admin");
    assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
    assertThat(realm.path("passwordPolicy").asText()).contains("length(12)");
    assertThat(realm.path("browserFlow").asText())
        .as("OTP for platform admins")
        .isEqualTo("rathaus-browser");
    assertThat(realm.toString()).doesNotContain("\"value\":\"demo\"");
  }

  @Test
  void theLauncherImportsTheDemoUsersMarkedAsDemoWithTheirMemberships() throws Exception {
    JsonNode demo =
        new ObjectMapper()
            .readTree(
                LocalKeycloak.withDemoOverlay(
                    realmFile(), LocalKeycloak.demoOverlay("rathaus-realm.json")));
    assertThat(usernames(demo))
        .containsExactly(
            "service-account-rathaus-admin",
            "ben.sachbearbeiter",
            "berta.admin",
            "paula.plattform");
    for (JsonNode user : demo.path("users")) {
      if (!user.has("serviceAccountClientId")) {
        assertThat(user.path("attributes").path("rathaus-demo").path(0).asText()).isEqualTo("true");
      }
    }
    // The published demo password 'demo' would not pass the production policy.
    assertThat(demo.has("passwordPolicy")).isFalse();
    assertThat(demo.path("bruteForceProtected").asBoolean()).isTrue();
    JsonNode beispielheim = null;
    for (JsonNode org : demo.path("organizations")) {
      if ("beispielheim".equals(org.path("alias").asText())) {
        beispielheim = org;
      }
    }
    assertThat(beispielheim).isNotNull();
    assertThat(beispielheim.path("members").findValuesAsText("username"))
        .containsExactly("ben.sachbearbeiter", "berta.admin");
    assertThat(demo.has("_comment")).isFalse();
  }

  private static byte[] realmFile() throws Exception {
    try (InputStream in =
        LocalKeycloak.class.getClassLoader().getResourceAsStream("keycloak/rathaus-realm.json")) {
      return in.readAllBytes();
    }
  }

  private static List<String> usernames(JsonNode realm) {
    List<String> names = new ArrayList<>();
    realm.path("users").forEach(user -> names.add(user.path("username").asText()));
    return names;
  }
}
