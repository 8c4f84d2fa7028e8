package eu.rathaus.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.identity.admin.OrganizationDirectory;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.application.CallerNotPermitted;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.MunicipalityAdministration;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalityOnboarding;
import eu.rathaus.tenancy.application.OnboardingOutcome;
import eu.rathaus.tenancy.application.OnboardingRequest;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItStack;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Onboarding against the real Keycloak and PostgreSQL: bad input writes nothing; running it twice
 * ends in the same state (one tenant, one organization, one account, one invitation mail); a
 * failure half-way (Keycloak down) leaves a resumable state, and the retry completes it; suspending
 * hides the municipality. Every test onboards a municipality of its own (random slug and AGS), so
 * each passes alone and in any order.
 */
@ExtendWith(ArquillianExtension.class)
class MunicipalityOnboardingIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(MunicipalityOnboardingIT.class, OnboardingProbe.class);
  }

  @Inject MunicipalityOnboarding onboarding;
  @Inject MunicipalityAdministration administration;
  @Inject MunicipalityDirectory directory;
  @Inject OrganizationDirectory organizations;
  @Inject CallerScope caller;

  @ArquillianResource URL base;

  /** These are platform-only methods: the platform admin's scope, as the admin pages set it. */
  @BeforeEach
  void asPlatformAdmin() {
    if (caller == null) {
      return; // @RunAsClient methods run outside the container
    }
    caller.set(TenantScope.platform("it-platform-admin"));
  }

  /**
   * A municipality no other test (or earlier run on the same database) has used: own name (Keycloak
   * refuses a second organization of the same name), slug, AGS and domain.
   */
  static OnboardingRequest fresh(String place) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String slug = place.toLowerCase() + "-" + suffix;
    String ags = String.format("09%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    return new OnboardingRequest(
        place + " " + suffix,
        ags,
        "Bayern",
        slug,
        slug + ".de",
        null,
        "admin@" + slug + ".de",
        "Ada",
        "Admin");
  }

  @Test
  void aMunicipalAdminCannotCallThePlatformOnlyMethods() {
    java.util.UUID musterstadt = directory.bySlug("musterstadt").orElseThrow().id();
    OnboardingRequest fremdstadt = fresh("Fremdstadt");
    caller.set(TenantScope.staff(musterstadt, "it-moritz"));
    assertThrows(
        CallerNotPermitted.class, () -> administration.suspend("beispielheim", "it-moritz"));
    assertThrows(
        CallerNotPermitted.class, () -> administration.activate("beispielheim", "it-moritz"));
    assertThrows(CallerNotPermitted.class, () -> administration.all());
    assertThrows(CallerNotPermitted.class, () -> onboarding.onboard(fremdstadt, "it-moritz"));
    caller.set(TenantScope.citizen("it-erika"));
    assertThrows(
        CallerNotPermitted.class, () -> administration.suspend("beispielheim", "it-erika"));
    caller.set(null);
    assertThrows(
        CallerNotPermitted.class, () -> administration.suspend("beispielheim", "anonymous"));
    assertEquals(
        Optional.of(MunicipalityStatus.ACTIVE),
        administration.statusOf("beispielheim"),
        "nothing changed");
    assertTrue(directory.bySlug(fremdstadt.slug()).isEmpty(), "nothing onboarded");
  }

  @Test
  void badInputIsRefusedFieldByFieldAndWritesNothing() {
    OnboardingOutcome outcome =
        onboarding.onboard(
            new OnboardingRequest(
                "",
                "0918800",
                "Hessen",
                "-x",
                "not a domain",
                "ftp://idp",
                "nobody",
                " ",
                "x".repeat(101)),
            "it");
    assertEquals(OnboardingOutcome.Result.INVALID, outcome.result());
    Set<String> fields =
        outcome.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "name",
            "ags",
            "slug",
            "emailDomain",
            "idpDiscoveryUrl",
            "idpClientId",
            "idpClientSecret",
            "adminEmail",
            "adminFirstName",
            "adminLastName"),
        fields);

    OnboardingRequest valid = fresh("Irgendwo");
    OnboardingRequest wrongStateRequest =
        new OnboardingRequest(
            valid.name(),
            valid.ags(),
            "Hessen",
            valid.slug(),
            valid.emailDomain(),
            null,
            valid.adminEmail(),
            "A",
            "B");
    OnboardingOutcome wrongState = onboarding.onboard(wrongStateRequest, "it");
    assertEquals(
        List.of("onboarding.ags.state"),
        wrongState.problems().stream().map(FieldProblem::messageKey).toList());
    assertTrue(administration.all().stream().noneMatch(r -> r.slug().equals(valid.slug())));
  }

  @Test
  void onboardingCreatesTenantOrganizationAndAdminAndRunningItAgainChangesNothing() {
    OnboardingRequest neustadt = fresh("Neustadt");
    OnboardingOutcome outcome = onboarding.onboard(neustadt, "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.COMPLETED, outcome.result(), outcome::detail);
    assertTrue(directory.bySlug(neustadt.slug()).isPresent(), "listed in the public directory");
    String organization =
        organizations
            .findOrganization(neustadt.slug())
            .orElseThrow(() -> new AssertionError("Keycloak organization exists"));

    OnboardingOutcome again = onboarding.onboard(neustadt, "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.COMPLETED, again.result(), again::detail);
    assertEquals(
        1, administration.all().stream().filter(r -> r.slug().equals(neustadt.slug())).count());
    assertEquals(
        Optional.of(organization),
        organizations.findOrganization(neustadt.slug()),
        "the same organization");
  }

  @Test
  @RunAsClient
  void onboardingTwiceSendsExactlyOneInvitationMail() throws Exception {
    OnboardingRequest request = fresh("Einmalbach");
    assertEquals("COMPLETED", probe(request).getProperty("result"));
    assertEquals("COMPLETED", probe(request).getProperty("result"));
    assertEquals(1, ItMail.messagesTo(request.adminEmail(), 30_000));
  }

  @Test
  void conflictingSlugOrKeyIsRefused() {
    OnboardingRequest taken = fresh("Vorhanden");
    assertEquals(
        OnboardingOutcome.Result.COMPLETED,
        onboarding.onboard(taken, "it-platform-admin").result());
    OnboardingRequest other = fresh("Anderswo");

    OnboardingOutcome sameSlug =
        onboarding.onboard(
            new OnboardingRequest(
                other.name(),
                other.ags(),
                "Bayern",
                taken.slug(),
                other.emailDomain(),
                null,
                other.adminEmail(),
                "A",
                "B"),
            "it");
    assertEquals(
        List.of("onboarding.slug.taken"),
        sameSlug.problems().stream().map(FieldProblem::messageKey).toList());
    OnboardingOutcome sameKey =
        onboarding.onboard(
            new OnboardingRequest(
                other.name(),
                taken.ags(),
                "Bayern",
                other.slug(),
                other.emailDomain(),
                null,
                other.adminEmail(),
                "A",
                "B"),
            "it");
    assertEquals(
        List.of("onboarding.ags.taken"),
        sameKey.problems().stream().map(FieldProblem::messageKey).toList());
  }

  /**
   * Keycloak is stopped in this JVM (the test stack's), so the onboarding runs in the portal
   * through {@link OnboardingProbe}; Keycloak is started again whatever happens.
   */
  @Test
  @RunAsClient
  void failureHalfWayLeavesAResumableStateAndTheRetryCompletesIt() throws Exception {
    OnboardingRequest altdorf = fresh("Altdorf");
    Properties halfWay;
    ItStack.stopKeycloak();
    try {
      halfWay = probe(altdorf);
    } finally {
      ItStack.startKeycloak();
    }
    assertEquals("RETRY", halfWay.getProperty("result"), halfWay::toString);
    assertEquals("ONBOARDING", halfWay.getProperty("status"));
    assertTrue(halfWay.getProperty("lastError").contains("Keycloak"), halfWay::toString);
    assertEquals("false", halfWay.getProperty("listed"), "not public before onboarding completed");

    Properties retried = probe(altdorf);
    assertEquals("COMPLETED", retried.getProperty("result"), retried::toString);
    assertEquals("ACTIVE", retried.getProperty("status"));
    assertEquals("true", retried.getProperty("listed"));
    assertEquals("true", retried.getProperty("organization"));
  }

  @Test
  void aMunicipalitysOwnDirectoryIsBrokeredAndLinked() {
    // Any OIDC provider will do; the test stack's demo directory realm is a real one.
    String discovery =
        "http://localhost:18180/realms/musterstadt-verzeichnis/.well-known/openid-configuration";
    OnboardingRequest neudorf = fresh("Neudorf");
    OnboardingRequest request =
        new OnboardingRequest(
            neudorf.name(),
            neudorf.ags(),
            "Bayern",
            neudorf.slug(),
            neudorf.emailDomain(),
            discovery,
            neudorf.adminEmail(),
            "Nina",
            "Nagel",
            "rathaus-broker",
            "musterstadt-local-secret");
    OnboardingOutcome first = onboarding.onboard(request, "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.COMPLETED, first.result(), first::detail);
    assertEquals(
        OnboardingOutcome.Result.COMPLETED,
        onboarding.onboard(request, "it-platform-admin").result(),
        "a retry changes nothing");
    String organization = organizations.findOrganization(neudorf.slug()).orElseThrow();
    assertEquals(
        List.of(neudorf.slug() + "-verzeichnis"),
        organizations.identityProviderAliases(organization));
  }

  @Test
  void suspendingHidesTheMunicipalityAndActivatingBringsItBack() {
    OnboardingRequest request = fresh("Ruhedorf");
    assertEquals(
        OnboardingOutcome.Result.COMPLETED,
        onboarding.onboard(request, "it-platform-admin").result());
    String slug = request.slug();
    assertTrue(
        directory.search(slug).stream().anyMatch(m -> m.slug().equals(slug)),
        "listed once onboarded");

    assertTrue(administration.suspend(slug, "it-platform-admin"));
    assertTrue(directory.bySlug(slug).isPresent(), "still known by its slug");
    assertFalse(
        directory.search(slug).stream().anyMatch(m -> m.slug().equals(slug)),
        "hidden from the public list");
    assertTrue(administration.activate(slug, "it-platform-admin"));
    assertTrue(directory.search(slug).stream().anyMatch(m -> m.slug().equals(slug)));
  }

  /** Onboards through {@link OnboardingProbe} in the portal and returns what it reports. */
  private Properties probe(OnboardingRequest request) throws IOException, InterruptedException {
    String query =
        "name=" + encode(request.name()) + "&ags=" + request.ags() + "&slug=" + request.slug();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            base.toString().replaceAll("/$", "") + "/it/onboarding-probe?" + query))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    Properties reported = new Properties();
    reported.load(new StringReader(response.body()));
    return reported;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Test-only servlet, deployed with this test alone: runs an onboarding in the portal as the
   * platform admin for a test that must stop Keycloak in its own JVM first, and reports the outcome
   * and the municipality's state as properties.
   */
  @WebServlet("/it/onboarding-probe")
  public static class OnboardingProbe extends HttpServlet {

    @Inject MunicipalityOnboarding onboarding;
    @Inject MunicipalityAdministration administration;
    @Inject MunicipalityDirectory directory;
    @Inject OrganizationDirectory organizations;
    @Inject CallerScope caller;

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String slug = req.getParameter("slug");
      OnboardingRequest request =
          new OnboardingRequest(
              req.getParameter("name"),
              req.getParameter("ags"),
              "Bayern",
              slug,
              slug + ".de",
              null,
              "admin@" + slug + ".de",
              "Ada",
              "Admin");
      caller.set(TenantScope.platform("it-platform-admin"));
      OnboardingOutcome outcome = onboarding.onboard(request, "it-platform-admin");
      Optional<MunicipalityAdministration.Row> row =
          administration.all().stream().filter(r -> r.slug().equals(slug)).findFirst();
      Properties report = new Properties();
      report.setProperty("result", outcome.result().name());
      report.setProperty("status", row.map(MunicipalityAdministration.Row::getStatus).orElse(""));
      report.setProperty(
          "lastError",
          row.map(MunicipalityAdministration.Row::lastError).map(String::valueOf).orElse(""));
      report.setProperty(
          "listed",
          String.valueOf(directory.search(slug).stream().anyMatch(m -> m.slug().equals(slug))));
      boolean organization =
          outcome.result() == OnboardingOutcome.Result.COMPLETED
              && organizations.findOrganization(slug).isPresent();
      report.setProperty("organization", String.valueOf(organization));
      resp.setContentType("text/plain;charset=UTF-8");
      report.store(resp.getWriter(), null);
    }
  }
}
