package eu.rathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurrentUserTest {

  @Test
  void primaryRolePrefersTheMostPowerfulRole() {
    CurrentUser user =
        new CurrentUser(
            "s1",
            "moritz.admin",
            "Moritz Admin",
            null,
            Set.of("clerk", "municipal-admin"),
            List.of("musterstadt"));
    assertThat(user.primaryRole()).isEqualTo(CurrentUser.MUNICIPAL_ADMIN);
    assertThat(user.primaryMunicipality()).isEqualTo("musterstadt");
  }

  @Test
  void fallsBackToUsernameWhenNameIsMissing() {
    CurrentUser user = new CurrentUser("s2", "erika", " ", null, null, null);
    assertThat(user.displayName()).isEqualTo("erika");
    assertThat(user.roles()).isEmpty();
    assertThat(user.primaryMunicipality()).isNull();
  }

  @Test
  void readsOrganizationClaimInEveryShapeKeycloakSends() {
    assertThat(OidcUserMapper.organizationAliases(List.of("musterstadt")))
        .containsExactly("musterstadt");
    assertThat(OidcUserMapper.organizationAliases(Map.of("beispielheim", Map.of())))
        .containsExactly("beispielheim");
    assertThat(OidcUserMapper.organizationAliases("[\"a\",\"b\"]")).containsExactly("a", "b");
    assertThat(OidcUserMapper.organizationAliases(null)).isEmpty();
  }

  @Test
  void staffRolesCountOnlyInTheirOwnMunicipality() {
    CurrentUser mia =
        new CurrentUser(
            "s3", "mia.sachbearbeiterin", "Mia", null, Set.of("clerk"), List.of("musterstadt"));
    assertThat(mia.hasRoleIn(CurrentUser.CLERK, "musterstadt")).isTrue();
    assertThat(mia.hasRoleIn(CurrentUser.CLERK, "beispielheim")).isFalse();
    assertThat(mia.isStaffOf("musterstadt")).isTrue();
    assertThat(mia.isStaffOf("beispielheim")).isFalse();
    assertThat(mia.hasRoleIn(CurrentUser.MUNICIPAL_ADMIN, "musterstadt")).isFalse();
    CurrentUser roleWithoutMembership =
        new CurrentUser("s4", "x", null, null, Set.of("clerk"), List.of());
    assertThat(roleWithoutMembership.isStaffOf("musterstadt")).isFalse();
  }
}
