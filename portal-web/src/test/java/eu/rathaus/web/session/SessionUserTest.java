package eu.rathaus.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.kernel.TenantScope;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionUserTest {

  private static final UUID MUSTERSTADT = UUID.randomUUID();

  private static SessionUser signedIn(
      Set<String> roles, List<String> municipalities, UUID municipalityId, boolean suspended) {
    SessionUser session = new SessionUser();
    session.signIn(
        new CurrentUser("sub-1", "user", "User", null, roles, municipalities),
        "id-token",
        municipalityId,
        "Musterstadt",
        suspended);
    return session;
  }

  @Test
  void nobodySignedInSeesOnlyPublicData() {
    assertThat(new SessionUser().tenantScope().kind()).isEqualTo(TenantScope.Kind.PUBLIC);
  }

  @Test
  void clerksSeeTheirMunicipality() {
    TenantScope scope =
        signedIn(Set.of("clerk"), List.of("musterstadt"), MUSTERSTADT, false).tenantScope();
    assertThat(scope.kind()).isEqualTo(TenantScope.Kind.STAFF);
    assertThat(scope.municipalityId()).isEqualTo(MUSTERSTADT);
  }

  @Test
  void staffOfASuspendedMunicipalityGetNothing() {
    assertThat(
            signedIn(Set.of("clerk"), List.of("musterstadt"), MUSTERSTADT, true)
                .tenantScope()
                .kind())
        .isEqualTo(TenantScope.Kind.PUBLIC);
  }

  @Test
  void aRoleWithoutMembershipGivesNoStaffAccess() {
    assertThat(signedIn(Set.of("clerk"), List.of(), null, false).tenantScope().kind())
        .isEqualTo(TenantScope.Kind.PUBLIC);
  }

  @Test
  void citizensAndPlatformAdmins() {
    assertThat(signedIn(Set.of("citizen"), List.of(), null, false).tenantScope())
        .isEqualTo(TenantScope.citizen("sub-1"));
    assertThat(signedIn(Set.of("platform-admin"), List.of(), null, false).tenantScope().kind())
        .isEqualTo(TenantScope.Kind.PLATFORM);
  }
}
