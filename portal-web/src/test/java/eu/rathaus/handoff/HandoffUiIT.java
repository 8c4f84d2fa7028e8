package eu.rathaus.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItServices;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Moritz (Musterstadt's admin) opens "Ziel der Anträge" of a service from the services page, is
 * told in German what is wrong with a private key, a bad address and garbage, then hands the
 * service to a specialist procedure with public keys and sees its client id and secret once;
 * axe-core clean.
 */
class HandoffUiIT extends BrowserJourney {

  @Test
  void moritzHandsAServiceToASpecialistProcedure() throws Exception {
    String service =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    var encryption = new RSAKeyGenerator(2048).generate();
    String signature = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();

    signInAsMoritz();
    browser.get(portal + "/municipal/services.xhtml");
    Browser.awaitOrExplain(browser, By.id("destination-" + service));
    browser.findElement(By.id("destination-" + service)).click();
    Browser.awaitOrExplain(browser, By.id("destination-heading"));
    assertThat(text("current-destination")).contains("Backoffice in Rathaus");
    accessible("destination page");

    type("destination:endpoint", "ftp://fachverfahren");
    type("destination:encryptionKey", encryption.toJSONString());
    type("destination:signatureKey", "kein Schlüssel");
    browser.findElement(By.id("destination:save")).click();
    Browser.awaitOrExplain(browser, By.id("destination:endpoint-error"));
    assertThat(text("destination:endpoint-error")).contains("https://");
    assertThat(text("destination:encryptionKey-error")).contains("privaten Teil");
    assertThat(text("destination:signatureKey-error")).contains("kein lesbarer JWK");
    accessible("destination page with problems");

    // The test stack's residency policy (RATHAUS_RESIDENCY_HOSTS=localhost, as ./rathaus up):
    // a host outside it is refused at the field, nothing is stored.
    type("destination:endpoint", "https://fachverfahren.example.org/rathaus");
    type("destination:encryptionKey", encryption.toPublicJWK().toJSONString());
    type("destination:signatureKey", signature);
    browser.findElement(By.id("destination:save")).click();
    Browser.awaitOrExplain(browser, By.id("destination:endpoint-error"));
    assertThat(text("destination:endpoint-error")).contains("Datenresidenz");
    assertThat(text("current-destination")).contains("Backoffice in Rathaus");

    type("destination:endpoint", "https://fachverfahren.localhost/rathaus");
    type("destination:encryptionKey", encryption.toPublicJWK().toJSONString());
    type("destination:signatureKey", signature);
    browser.findElement(By.id("destination:save")).click();
    Browser.awaitOrExplain(browser, By.id("new-client-secret"));
    assertThat(text("new-client-secret")).isNotBlank();
    assertThat(text("new-client-id")).startsWith("rathaus-destination-");
    assertThat(text("current-destination")).contains("https://fachverfahren.localhost/rathaus");
    accessible("destination page after saving");
  }
}
