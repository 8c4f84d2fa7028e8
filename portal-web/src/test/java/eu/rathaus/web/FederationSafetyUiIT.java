package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.KeycloakAdmin;
import eu.rathaus.web.it.KeycloakAdmin.AccountState;
import eu.rathaus.web.it.KeycloakForms;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #10: brokered sign-in never takes over an existing account by e-mail. Every attack is
 * replayed for real — a user is created in the upstream directory or eID (Keycloak admin API) and
 * signs in through the browser — and the target account is compared before and after: e-mail, realm
 * roles, organizations and identity-provider links unchanged. The legitimate move of a local
 * account to the municipality's directory works only with the existing account's password, and is
 * recorded as a Keycloak event.
 */
class FederationSafetyUiIT extends BrowserJourney {

  private static final String RATHAUS = "rathaus";
  private static final String DIRECTORY = "musterstadt-verzeichnis";
  private static final String EID = "eid";
  private static final String PASSWORD = "Angriff-2026!";
  private static final String PAULA_EMAIL = "paula.plattform@example.org";
  private static final String BEN_EMAIL = "ben.sachbearbeiter@beispielheim.de";
  private static final SecureRandom RANDOM = new SecureRandom();

  private static String unique(String prefix) {
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      suffix.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return prefix + suffix;
  }

  /**
   * Staff door, then an address of the directory's domain on the identity-first page, then the
   * directory's form.
   */
  private void signInThroughDirectory(String typedAddress, String username, String password) {
    browser.get(portal + "/");
    browser.findElement(By.id("login-staff")).click();
    KeycloakForms.typeIdentity(browser, typedAddress);
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> KeycloakForms.onRealm(browser, DIRECTORY));
    KeycloakForms.signIn(browser, username, password);
  }

  private void signInThroughEid(String username) {
    browser.get(portal + "/");
    browser.findElement(By.id("login")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> KeycloakForms.onRealm(browser, EID));
    KeycloakForms.signIn(browser, username, PASSWORD);
  }

  /**
   * Waits for Keycloak's refusal page of realm rathaus and returns its text. Keycloak picks the
   * language from the browser (German or English text from the provider jar's bundles).
   */
  private String refusal() {
    String text = Browser.awaitPageText(browser, "Anmeldung abgelehnt", "Sign-in refused");
    assertThat(KeycloakForms.onRealm(browser, RATHAUS)).as("refused by realm rathaus").isTrue();
    return text;
  }

  /** The refused browser holds no portal session: the platform administration asks for a login. */
  private void assertNotSignedIn() {
    browser.get(portal + "/admin/municipalities.xhtml");
    Browser.awaitOrExplain(browser, By.id("username"));
    assertThat(KeycloakForms.onRealm(browser, RATHAUS)).isTrue();
    assertThat(browser.findElements(By.id("onboarding:submit"))).isEmpty();
  }

  @Test
  void directoryUserWithThePlatformAdminsAddressIsRefused() throws Exception {
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String paula = admin.userId(RATHAUS, "paula.plattform").orElseThrow();
    AccountState before = admin.state(RATHAUS, paula);
    admin.ensureUser(DIRECTORY, "angreifer.plattform", PAULA_EMAIL, PASSWORD);

    signInThroughDirectory("zugang@musterstadt.de", "angreifer.plattform", PASSWORD);

    assertThat(refusal()).contains("Musterstadt (musterstadt.de)");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the refusal page").isEmpty();
    KeycloakAdmin after = KeycloakAdmin.signIn();
    assertThat(after.state(RATHAUS, paula)).isEqualTo(before);
    assertThat(after.userId(RATHAUS, "angreifer.plattform")).as("no account created").isEmpty();
    assertNotSignedIn();
  }

  @Test
  void directoryUserWithAnotherMunicipalitysClerkAddressIsRefused() throws Exception {
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String ben = admin.userId(RATHAUS, "ben.sachbearbeiter").orElseThrow();
    AccountState before = admin.state(RATHAUS, ben);
    admin.ensureUser(DIRECTORY, "angreifer.beispielheim", BEN_EMAIL, PASSWORD);

    signInThroughDirectory("zugang@musterstadt.de", "angreifer.beispielheim", PASSWORD);

    assertThat(refusal()).contains("Musterstadt");
    KeycloakAdmin after = KeycloakAdmin.signIn();
    assertThat(after.state(RATHAUS, ben)).isEqualTo(before);
    assertThat(before.organizations()).containsExactly("beispielheim");
    assertThat(after.userId(RATHAUS, "angreifer.beispielheim")).isEmpty();
    assertNotSignedIn();
  }

  @Test
  void directoryUserWithAnAddressOutsideTheMunicipalitysDomainsIsRefused() throws Exception {
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String username = unique("fremd.");
    admin.ensureUser(DIRECTORY, username, username + "@freemail.example", PASSWORD);

    signInThroughDirectory("zugang@musterstadt.de", username, PASSWORD);

    assertThat(refusal()).contains("Musterstadt");
    assertThat(KeycloakAdmin.signIn().userId(RATHAUS, username)).isEmpty();
  }

  @Test
  void directoryUserNamedLikeThePlatformAdminCannotReachTheAccount() throws Exception {
    // A matching user name (not the e-mail) is what Keycloak calls an existing account here; the
    // directory may neither link it silently nor even offer its password form.
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String paula = admin.userId(RATHAUS, "paula.plattform").orElseThrow();
    AccountState before = admin.state(RATHAUS, paula);
    admin.ensureUser(DIRECTORY, "paula.plattform", "paula.plattform@musterstadt.de", PASSWORD);

    signInThroughDirectory("zugang@musterstadt.de", "paula.plattform", PASSWORD);

    assertThat(refusal()).containsAnyOf("bereits ein Konto", "already an account");
    assertThat(browser.findElements(By.id("password")))
        .as("no password form for the existing account")
        .isEmpty();
    assertThat(KeycloakAdmin.signIn().state(RATHAUS, paula)).isEqualTo(before);
  }

  @Test
  void aDirectoryAddedByOnboardingIsHeldToItsOwnDomain() throws Exception {
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String slug = unique("fed");
    String domain = slug + ".de";
    String alias = slug + "-verzeichnis";
    // The new municipality registers the portal in its directory (here: the demo directory realm).
    admin.ensureBrokerClient(DIRECTORY, "broker-" + slug, "secret-" + slug, alias);
    String paula = admin.userId(RATHAUS, "paula.plattform").orElseThrow();
    AccountState before = admin.state(RATHAUS, paula);
    admin.ensureUser(DIRECTORY, "angreifer.plattform", PAULA_EMAIL, PASSWORD);

    // The platform admin onboards it with its directory, through the portal.
    browser.get(portal + "/admin/municipalities.xhtml");
    KeycloakForms.signIn(browser, "paula.plattform", "demo");
    Browser.awaitOrExplain(browser, By.id("onboarding:submit"));
    fill("name", "Föderstadt " + slug);
    new Select(browser.findElement(By.id("onboarding:state"))).selectByVisibleText("Bayern");
    fill("ags", "0919" + (1000 + RANDOM.nextInt(9000)));
    fill("slug", slug);
    fill("emailDomain", domain);
    fill(
        "idpDiscoveryUrl",
        ItStack.config().keycloakUrl()
            + "/realms/"
            + DIRECTORY
            + "/.well-known/openid-configuration");
    fill("idpClientId", "broker-" + slug);
    fill("idpClientSecret", "secret-" + slug);
    fill("adminEmail", "verwaltung@" + domain);
    fill("adminFirstName", "Vera");
    fill("adminLastName", "Verwaltung");
    browser.findElement(By.id("onboarding:submit")).click();
    Browser.awaitOrExplain(browser, By.id("row-" + slug));
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login"));

    signInThroughDirectory("zugang@" + domain, "angreifer.plattform", PASSWORD);

    assertThat(refusal()).contains("(" + domain + ")");
    assertThat(KeycloakAdmin.signIn().state(RATHAUS, paula)).isEqualTo(before);
    assertNotSignedIn();
  }

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id("onboarding:" + id));
    field.clear();
    field.sendKeys(value);
  }

  @Test
  void eidUserWithAStaffMembersAddressGetsAFreshCitizenAccount() throws Exception {
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String ben = admin.userId(RATHAUS, "ben.sachbearbeiter").orElseThrow();
    AccountState before = admin.state(RATHAUS, ben);
    String subject = admin.ensureUser(EID, "buerger.mit.ben.adresse", BEN_EMAIL, PASSWORD);

    signInThroughEid("buerger.mit.ben.adresse");

    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    assertThat(browser.findElement(By.id("welcome-role")).getText())
        .contains("Bürgerin oder Bürger");
    assertThat(browser.findElements(By.id("welcome-municipality"))).isEmpty();
    KeycloakAdmin after = KeycloakAdmin.signIn();
    assertThat(after.state(RATHAUS, ben)).isEqualTo(before);
    String citizen =
        after
            .userId(RATHAUS, "eid." + subject)
            .orElseThrow(() -> new AssertionError("no citizen account keyed by the eID subject"));
    AccountState account = after.state(RATHAUS, citizen);
    assertThat(account.links()).containsExactly("eid:" + subject);
    assertThat(account.roles()).contains("citizen").doesNotContain("clerk");
    assertThat(account.organizations()).isEmpty();
    assertThat(account.email()).as("citizen mail still reaches the citizen").isEqualTo(BEN_EMAIL);
  }

  @Test
  void eidUserWithAnotherCitizensAddressDoesNotTouchThatAccount() throws Exception {
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String shared = unique("adresse.") + "@example.net";
    String first = admin.ensureUser(EID, unique("erste."), shared, PASSWORD);
    signInThroughEid(admin.user(EID, first).get("username").asText());
    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    browser.findElement(By.id("logout")).click();
    Browser.awaitOrExplain(browser, By.id("login"));
    String firstAccount = KeycloakAdmin.signIn().userId(RATHAUS, "eid." + first).orElseThrow();
    // The first citizen moves on to another address at the eID; the portal account keeps the old
    // one
    // until the next login, and the eID hands the old one to somebody else.
    String firstName = admin.user(EID, first).get("username").asText();
    admin.ensureUser(EID, firstName, unique("neu.") + "@example.net", PASSWORD);
    AccountState before = KeycloakAdmin.signIn().state(RATHAUS, firstAccount);
    assertThat(before.email()).isEqualTo(shared);
    String secondName = unique("zweite.");
    String second = admin.ensureUser(EID, secondName, shared, PASSWORD);

    signInThroughEid(secondName);

    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    KeycloakAdmin after = KeycloakAdmin.signIn();
    assertThat(after.state(RATHAUS, firstAccount)).isEqualTo(before);
    String secondAccount = after.userId(RATHAUS, "eid." + second).orElseThrow();
    assertThat(secondAccount).isNotEqualTo(firstAccount);
    assertThat(after.state(RATHAUS, secondAccount).links()).containsExactly("eid:" + second);
  }

  @Test
  void movingALocalAccountToTheDirectoryNeedsItsOwnPasswordAndIsAudited() throws Exception {
    KeycloakAdmin admin = KeycloakAdmin.signIn();
    String username = unique("umzug.");
    String email = username + "@musterstadt.de";
    String local = admin.ensureUser(RATHAUS, username, email, "Lokal-2026!");
    admin.addToOrganization(RATHAUS, "musterstadt", local);
    String upstream = admin.ensureUser(DIRECTORY, username, email, PASSWORD);

    signInThroughDirectory("zugang@musterstadt.de", username, PASSWORD);

    // Keycloak's own confirmation, then the existing account's password (not the directory's).
    Browser.awaitOrExplain(browser, By.id("linkAccount"));
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core on the link confirmation")
        .isEmpty();
    browser.findElement(By.id("linkAccount")).click();
    Browser.awaitOrExplain(browser, By.id("password"));
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    Browser.awaitPageText(
        browser, "Invalid username or password", "Ungültiger Benutzername oder Passwort");
    assertThat(KeycloakAdmin.signIn().state(RATHAUS, local).links())
        .as("wrong password links nothing")
        .isEmpty();
    browser.findElement(By.id("password")).sendKeys("Lokal-2026!");
    browser.findElement(By.id("kc-login")).click();

    Browser.awaitOrExplain(browser, By.id("signed-in-user"));
    KeycloakAdmin after = KeycloakAdmin.signIn();
    AccountState account = after.state(RATHAUS, local);
    assertThat(account.links()).containsExactly(DIRECTORY + ":" + upstream);
    assertThat(account.organizations()).containsExactly("musterstadt");
    assertThat(after.events(RATHAUS, "FEDERATED_IDENTITY_LINK", local))
        .as("the link is audited")
        .isNotEmpty();
  }
}
