package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 17, Deutsche Gebärdensprache: Musterstadt's admin uploads a tiny video on the settings page
 * — refused without captions (German message at the captions field, nothing stored), stored with
 * WebVTT captions — and Musterstadt's public page, reached from the municipality page by the link
 * "Gebärdensprache", shows it self-hosted with a captions track, controls and no autoplay; the
 * media are served by the portal; axe-core is clean.
 */
class SignLanguageUiIT extends BrowserJourney {

  /** The start of a WebM file: EBML header with DocType "webm" and an empty segment. */
  private static final byte[] WEBM =
      HexFormat.of()
          .parseHex(
              "1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102"
                  + "18538067010000000000000000");

  @Test
  void adminUploadsAVideoWithCaptionsAndEveryoneSeesItOnThePublicPage() throws Exception {
    Path dir = Files.createTempDirectory("sign-ui");
    Path video = Files.write(dir.resolve("gruss.webm"), WEBM);
    Path captions =
        Files.writeString(
            dir.resolve("gruss.vtt"),
            "WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen in Musterstadt.\n",
            StandardCharsets.UTF_8);

    openSettingsAsMusterstadtAdmin("sign");

    browser.findElement(By.id("sign:signVideoFile")).sendKeys(video.toString());
    browser.findElement(By.id("sign:upload")).click();
    Browser.awaitOrExplain(browser, By.id("sign:signCaptionsFile-error"));
    assertThat(browser.findElement(By.id("sign:signCaptionsFile-error")).getText())
        .startsWith("Bitte wählen Sie auch die Untertitel-Datei");
    assertThat(browser.findElement(By.id("sign:sign-state")).getText())
        .isEqualTo("Es ist kein Video gespeichert.");
    assertThat(Browser.seriousViolations(browser)).as("axe-core with the refusal").isEmpty();

    browser.findElement(By.id("sign:signVideoFile")).sendKeys(video.toString());
    browser.findElement(By.id("sign:signCaptionsFile")).sendKeys(captions.toString());
    browser.findElement(By.id("sign:upload")).click();
    awaitStable().until(d -> !d.findElements(By.id("sign:remove")).isEmpty());
    assertThat(browser.findElement(By.id("page-messages")).getText())
        .contains("Das Video ist gespeichert");

    browser.get(portal + "/municipality.xhtml?m=musterstadt");
    Browser.awaitOrExplain(browser, By.id("municipality-sign"));
    assertThat(browser.findElement(By.id("municipality-sign")).getText())
        .isEqualTo("Gebärdensprache");
    browser.findElement(By.id("municipality-sign")).click();
    Browser.awaitOrExplain(browser, By.id("municipality-video"));
    WebElement player = browser.findElement(By.id("municipality-video"));
    assertThat(player.getAttribute("controls")).isNotNull();
    assertThat(player.getAttribute("autoplay")).isNull();
    WebElement track = player.findElement(By.cssSelector("track"));
    assertThat(track.getAttribute("kind")).isEqualTo("captions");
    assertThat(track.getAttribute("srclang")).isEqualTo("de");
    assertThat(Browser.seriousViolations(browser))
        .as("axe-core on the sign-language page")
        .isEmpty();

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> served =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(player.findElement(By.cssSelector("source")).getAttribute("src")))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("video/webm");
    assertThat(served.body()).isEqualTo(WEBM);
    HttpResponse<String> vtt =
        http.send(
            HttpRequest.newBuilder(URI.create(track.getAttribute("src"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(vtt.statusCode()).isEqualTo(200);
    assertThat(vtt.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/vtt");
    assertThat(vtt.body()).contains("Willkommen in Musterstadt.");
    HttpResponse<String> unknown =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(portal + "/sign-language/municipality/video?m=gibt-es-nicht"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);

    browser.get(portal + "/municipal/settings.xhtml");
    Browser.awaitOrExplain(browser, By.id("sign:remove"));
    browser.findElement(By.id("sign:remove")).click();
    awaitStable().until(d -> d.findElements(By.id("sign:remove")).isEmpty());
    assertThat(browser.findElement(By.id("page-messages")).getText())
        .contains("Das Video ist entfernt.");
  }
}
