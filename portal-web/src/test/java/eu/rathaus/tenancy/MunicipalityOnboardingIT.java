package eu.rathaus.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.identity.admin.OrganizationDirectory;
import eu.rathaus.tenancy.application.CallerNotPermitted;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.MunicipalityAdministration;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalityOnboarding;
import eu.rathaus.tenancy.application.OnboardingOutcome;
import eu.rathaus.tenancy.application.OnboardingRequest;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItStack;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Onboarding against the real Keycloak and PostgreSQL: bad input writes nothing; running it twice
 * ends in the same state (one tenant, one organization, one account, one invitation mail); a
 * failure half-way (Keycloak down) leaves a resumable state, and the retry completes it; suspending
 * hides the municipality.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MunicipalityOnboardingIT {

  private static final OnboardingRequest NEUSTADT =
      new OnboardingRequest(" Neustadt am See ", "09188001", "Bayern", "Neustadt-Am-See", "neustadt-am-see.de", null, "Nora.Admin@neustadt-am-see.de", "Nora", "Neubauer");
  private static final OnboardingRequest ALTDORF =
      new OnboardingRequest("Altdorf", "08188002", "Baden-Württemberg", "altdorf", "altdorf.de", null, "anton.admin@altdorf.de", "Anton", "Albrecht");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(MunicipalityOnboardingIT.class);
  }

  @Inject MunicipalityOnboarding onboarding;
  @Inject MunicipalityAdministration administration;
  @Inject MunicipalityDirectory directory;
  @Inject OrganizationDirectory organizations;
  @Inject CallerScope caller;

  /** These are platform-only methods: the platform admin's scope, as the admin pages set it. */
  @BeforeEach
  void asPlatformAdmin() {
    if (caller == null) {
      return; // @RunAsClient methods run outside the container
    }
    caller.set(TenantScope.platform("it-platform-admin"));
  }

  @Test
  @Order(11)
  void aMunicipalAdminCannotCallThePlatformOnlyMethods() {
    java.util.UUID musterstadt = directory.bySlug("musterstadt").orElseThrow().id();
    caller.set(TenantScope.staff(musterstadt, "it-moritz"));
    assertThrows(CallerNotPermitted.class, () -> administration.suspend("beispielheim", "it-moritz"));
    assertThrows(CallerNotPermitted.class, () -> administration.activate("beispielheim", "it-moritz"));
    assertThrows(CallerNotPermitted.class, () -> administration.all());
    assertThrows(CallerNotPermitted.class,
        () -> onboarding.onboard(new OnboardingRequest("Fremdstadt", "09188099", "Bayern", "fremdstadt", "fremdstadt.de", null, "f@fremdstadt.de", "F", "S"), "it-moritz"));
    caller.set(TenantScope.citizen("it-erika"));
    assertThrows(CallerNotPermitted.class, () -> administration.suspend("beispielheim", "it-erika"));
    caller.set(null);
    assertThrows(CallerNotPermitted.class, () -> administration.suspend("beispielheim", "anonymous"));
    assertEquals(java.util.Optional.of(MunicipalityStatus.ACTIVE), administration.statusOf("beispielheim"), "nothing changed");
    assertTrue(directory.bySlug("fremdstadt").isEmpty(), "nothing onboarded");
  }

  @Test
  @Order(1)
  void badInputIsRefusedFieldByFieldAndWritesNothing() {
    OnboardingOutcome outcome =
        onboarding.onboard(new OnboardingRequest("", "0918800", "Hessen", "-x", "not a domain", "ftp://idp", "nobody", " ", "x".repeat(101)), "it");
    assertEquals(OnboardingOutcome.Result.INVALID, outcome.result());
    Set<String> fields = outcome.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
    assertEquals(Set.of("name", "ags", "slug", "emailDomain", "idpDiscoveryUrl", "idpClientId", "idpClientSecret", "adminEmail", "adminFirstName", "adminLastName"), fields);

    OnboardingOutcome wrongState =
        onboarding.onboard(new OnboardingRequest("Irgendwo", "09188009", "Hessen", "irgendwo", "irgendwo.de", null, "a@irgendwo.de", "A", "B"), "it");
    assertEquals(List.of("onboarding.ags.state"), wrongState.problems().stream().map(FieldProblem::messageKey).toList());
    assertTrue(administration.all().stream().noneMatch(r -> r.slug().equals("irgendwo")));
  }

  @Test
  @Order(2)
  void onboardingCreatesTenantOrganizationAndAdmin() {
    OnboardingOutcome outcome = onboarding.onboard(NEUSTADT, "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.COMPLETED, outcome.result(), outcome::detail);
    assertTrue(directory.bySlug("neustadt-am-see").isPresent(), "listed in the public directory");
    assertTrue(organizations.findOrganization("neustadt-am-see").isPresent(), "Keycloak organization exists");
  }

  @Test
  @Order(3)
  void runningItAgainChangesNothing() {
    OnboardingOutcome again = onboarding.onboard(NEUSTADT, "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.COMPLETED, again.result(), again::detail);
    assertEquals(1, administration.all().stream().filter(r -> r.slug().equals("neustadt-am-see")).count());
  }

  @Test
  @Order(4)
  @RunAsClient
  void exactlyOneInvitationMailWasSent() throws Exception {
    assertEquals(1, ItMail.messagesTo("nora.admin@neustadt-am-see.de", 30_000));
  }

  @Test
  @Order(5)
  void conflictingSlugOrKeyIsRefused() {
    OnboardingOutcome sameSlug =
        onboarding.onboard(new OnboardingRequest("Anderswo", "09188077", "Bayern", "neustadt-am-see", "anderswo.de", null, "a@anderswo.de", "A", "B"), "it");
    assertEquals(List.of("onboarding.slug.taken"), sameSlug.problems().stream().map(FieldProblem::messageKey).toList());
    OnboardingOutcome sameKey =
        onboarding.onboard(new OnboardingRequest("Anderswo", "09188001", "Bayern", "anderswo", "anderswo.de", null, "a@anderswo.de", "A", "B"), "it");
    assertEquals(List.of("onboarding.ags.taken"), sameKey.problems().stream().map(FieldProblem::messageKey).toList());
  }

  @Test
  @Order(6)
  @RunAsClient
  void keycloakGoesDown() {
    ItStack.stopKeycloak();
  }

  @Test
  @Order(7)
  void failureHalfWayLeavesAResumableState() {
    OnboardingOutcome outcome = onboarding.onboard(ALTDORF, "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.RETRY, outcome.result());
    MunicipalityAdministration.Row row =
        administration.all().stream().filter(r -> r.slug().equals("altdorf")).findFirst().orElseThrow();
    assertEquals("ONBOARDING", row.getStatus());
    assertTrue(row.lastError() != null && row.lastError().contains("Keycloak"), row::lastError);
    assertTrue(directory.search("altdorf").isEmpty(), "not public before onboarding completed");
  }

  @Test
  @Order(8)
  @RunAsClient
  void keycloakComesBack() {
    ItStack.startKeycloak();
  }

  @Test
  @Order(9)
  void retryCompletesTheOnboarding() {
    OnboardingOutcome outcome = onboarding.onboard(ALTDORF, "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.COMPLETED, outcome.result(), outcome::detail);
    assertTrue(directory.bySlug("altdorf").isPresent());
    assertTrue(organizations.findOrganization("altdorf").isPresent());
  }

  @Test
  @Order(11)
  void aMunicipalitysOwnDirectoryIsBrokeredAndLinked() {
    // Any OIDC provider will do; the test stack's demo directory realm is a real one.
    String discovery = "http://localhost:18180/realms/musterstadt-verzeichnis/.well-known/openid-configuration";
    OnboardingRequest request =
        new OnboardingRequest("Neudorf", "09188011", "Bayern", "neudorf", "neudorf.de", discovery, "nina.admin@neudorf.de", "Nina", "Nagel", "rathaus-broker", "musterstadt-local-secret");
    OnboardingOutcome first = onboarding.onboard(request, "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.COMPLETED, first.result(), first::detail);
    assertEquals(OnboardingOutcome.Result.COMPLETED, onboarding.onboard(request, "it-platform-admin").result(), "a retry changes nothing");
    String organization = organizations.findOrganization("neudorf").orElseThrow();
    assertEquals(List.of("neudorf-verzeichnis"), organizations.identityProviderAliases(organization));
  }

  @Test
  @Order(10)
  void suspendingHidesTheMunicipalityAndActivatingBringsItBack() {
    assertTrue(administration.suspend("altdorf", "it-platform-admin"));
    assertTrue(directory.bySlug("altdorf").isPresent(), "still known by its slug");
    assertFalse(directory.search("altdorf").stream().anyMatch(m -> m.slug().equals("altdorf")), "hidden from the public list");
    assertTrue(administration.activate("altdorf", "it-platform-admin"));
    assertTrue(directory.search("altdorf").stream().anyMatch(m -> m.slug().equals("altdorf")));
  }
}
