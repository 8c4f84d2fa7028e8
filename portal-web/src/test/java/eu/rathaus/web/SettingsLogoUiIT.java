package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Musterstadt's admin uploads a letterhead logo on the settings page: a text file named logo.png is
 * refused with the German message at the file field and nothing stored, a PNG is stored, and "Logo
 * entfernen" takes it away again. axe-core is clean with the refusal shown.
 */
class SettingsLogoUiIT extends BrowserJourney {

  @Test
  void adminUploadsALogoAfterARenamedTextFileIsRefused() throws Exception {
    Path dir = Files.createTempDirectory("logo-ui");
    Path fake = Files.writeString(dir.resolve("logo.png"), "kein Bild", StandardCharsets.UTF_8);
    Path real = dir.resolve("wappen.png");
    ImageIO.write(new BufferedImage(200, 80, BufferedImage.TYPE_INT_RGB), "png", real.toFile());

    openSettingsAsMusterstadtAdmin("logo");

    browser.findElement(By.id("logo:logoFile")).sendKeys(fake.toString());
    browser.findElement(By.id("logo:upload")).click();
    Browser.awaitOrExplain(browser, By.id("logo:logoFile-error"));
    assertThat(browser.findElement(By.id("logo:logoFile-error")).getText())
        .startsWith("Nur PNG- oder JPEG-Bilder werden angenommen");
    assertThat(browser.findElement(By.id("logo:logo-state")).getText())
        .isEqualTo("Es ist kein Logo gespeichert.");
    assertThat(Browser.seriousViolations(browser)).as("axe-core with the refusal").isEmpty();

    browser.findElement(By.id("logo:logoFile")).sendKeys(real.toString());
    browser.findElement(By.id("logo:upload")).click();
    awaitStable().until(d -> !d.findElements(By.id("logo:remove")).isEmpty());
    assertThat(browser.findElement(By.id("page-messages")).getText())
        .contains("Das Logo ist gespeichert.");
    assertThat(browser.findElement(By.id("logo:logo-state")).getText())
        .isEqualTo("Ein Logo ist gespeichert.");

    browser.findElement(By.id("logo:remove")).click();
    awaitStable().until(d -> d.findElements(By.id("logo:remove")).isEmpty());
    assertThat(browser.findElement(By.id("page-messages")).getText())
        .contains("Das Logo ist entfernt.");
  }
}
