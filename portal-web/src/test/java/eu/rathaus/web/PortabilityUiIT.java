package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.portability.infrastructure.PortabilityKeys;
import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.Jdbc;
import eu.rathaus.web.it.KeycloakForms;
import eu.rathaus.web.it.TenantRows;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The platform admin's page for moving a municipality (issue 15) on the running stack, by keyboard:
 * the installation's public key for download, an export of a municipality of its own in the
 * background with its result and archive, an import of a file that is no archive refused with a
 * clear result, and the erasure after the verified export with the slug repeated. Axe-clean; a
 * municipal admin gets no access, not even to an archive.
 */
class PortabilityUiIT extends BrowserJourney {

  @TempDir Path dir;

  @Test
  void platformAdminExportsImportsAndErasesByKeyboard() throws Exception {
    String slug;
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      UUID municipality = TenantRows.newMunicipality(c, "ui-move");
      c.commit();
      slug = slug(c, municipality);
    }
    Path targetKey = dir.resolve("target-public.jwks");
    Files.writeString(
        targetKey, PortabilityKeys.generate().publicKeys().publicJson(), StandardCharsets.UTF_8);

    browser.get(portal + "/admin/municipalities.xhtml");
    KeycloakForms.signIn(browser, "paula.plattform", "demo");
    Browser.awaitOrExplain(browser, By.id("nav-admin-portability"));
    browser.findElement(By.id("nav-admin-portability")).sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("export-table"));
    assertThat(browser.findElements(By.id("not-ready"))).isEmpty();
    accessible("portability page");

    HttpResponse<byte[]> publicKey = fetchWithSession("/admin/portability/public-key.jwks");
    assertThat(publicKey.statusCode()).isEqualTo(200);
    String keys = new String(publicKey.body(), StandardCharsets.UTF_8);
    assertThat(keys).contains("\"use\":\"sig\"", "\"use\":\"enc\"").doesNotContain("\"d\":");

    // Export without a key: a clear message, no job.
    browser
        .findElement(By.cssSelector("#export-row-" + slug + " input[type=submit]"))
        .sendKeys(Keys.ENTER);
    awaitStable()
        .until(d -> text("page-messages").contains("öffentlichen Schlüssel der Zielinstallation"));

    browser.findElement(By.id("export:targetKey")).sendKeys(targetKey.toString());
    browser
        .findElement(By.cssSelector("#export-row-" + slug + " input[type=submit]"))
        .sendKeys(Keys.ENTER);
    awaitStable().until(d -> text("page-messages").contains("läuft im Hintergrund"));
    WebElement job = awaitJob(slug, "Export", "fertig");
    assertThat(job.findElement(By.className("rh-job-result")).getText()).contains("Tabellen");
    String download = job.findElement(By.className("rh-job-download")).getAttribute("href");
    HttpResponse<byte[]> archive = fetchWithSession(download.substring(portal.length()));
    assertThat(archive.statusCode()).isEqualTo(200);
    assertThat(archive.body().length).isGreaterThan(1000);
    assertThat(archive.headers().firstValue("Content-Disposition").orElse(""))
        .contains(slug + ".rathaus-export");
    String downloadPath = download.substring(portal.length());

    // An import of a file that is no archive: started, then refused with the reason.
    Path garbage = Files.writeString(dir.resolve("kaputt.rathaus-export"), "kein Archiv");
    browser.findElement(By.id("import:archive")).sendKeys(garbage.toString());
    browser.findElement(By.id("import:sourceKey")).sendKeys(targetKey.toString());
    browser.findElement(By.id("import:run")).sendKeys(Keys.ENTER);
    awaitStable().until(d -> text("page-messages").contains("Import"));
    WebElement refused = awaitJob(null, "Import", "fehlgeschlagen");
    assertThat(refused.findElement(By.className("rh-job-result")).getText())
        .contains("Kein Rathaus-Exportarchiv");
    accessible("portability page with jobs");

    // Erasure after the verified export: the slug typed, the button pressed by keyboard.
    awaitJob(slug, "Export", "fertig");
    browser.findElement(By.id("erase:confirm")).sendKeys(slug);
    browser.findElement(By.id("erase:run")).sendKeys(Keys.ENTER);
    awaitStable()
        .withMessage(
            () ->
                "page: "
                    + browser.getTitle()
                    + " – "
                    + browser.findElement(By.tagName("body")).getText().replace('\n', ' '))
        .until(d -> text("page-messages").contains("Löschung"));
    awaitJob(slug, "Löschung", "fertig");
    try (Connection c = Jdbc.superuser();
        PreparedStatement p =
            c.prepareStatement("select count(*) from municipality where slug = ?")) {
      p.setString(1, slug);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }

    // Without the platform admin's session: no archive.
    HttpResponse<byte[]> anonymous =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal + downloadPath))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(anonymous.body().length).isLessThan(archive.body().length / 2 + 1);
    assertThat(new String(anonymous.body(), StandardCharsets.ISO_8859_1)).doesNotStartWith("PK");
  }

  /**
   * V80: a running export whose node died (planted: a silent node, heartbeat five minutes old) is
   * shown as "abgebrochen" with the node and why, and a button starts it again; the job then runs
   * here and the page follows it by itself (poll into an aria-live region, no button pressed) until
   * it is "fertig". Axe-clean.
   */
  @Test
  void anInterruptedJobIsShownAndStartsAgainWhileThePageFollowsIt() throws Exception {
    UUID job = UUID.randomUUID();
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      String slug = slug(c, TenantRows.newMunicipality(c, "ui-dead"));
      try (PreparedStatement p =
          c.prepareStatement(
              "insert into portability_job (id, kind, slug, status, tables_done, tables_total,"
                  + " archive_file, requested_by, requested_at, node, heartbeat_at, peer_keys)"
                  + " values (?, 'EXPORT', ?, 'RUNNING', 3, 60, ?, 'it', now() - interval"
                  + " '10 minutes', 'it-dead-node', now() - interval '5 minutes', ?)")) {
        p.setObject(1, job);
        p.setString(2, slug);
        p.setString(3, UUID.randomUUID() + ".rathaus-export");
        p.setString(4, PortabilityKeys.generate().publicKeys().publicJson());
        p.executeUpdate();
      }
      c.commit();
    }

    browser.get(portal + "/admin/municipalities.xhtml");
    KeycloakForms.signIn(browser, "paula.plattform", "demo");
    Browser.awaitOrExplain(browser, By.id("nav-admin-portability"));
    browser.get(portal + "/admin/portability.xhtml");
    Browser.awaitOrExplain(browser, By.id("job-" + job));
    WebElement row = browser.findElement(By.id("job-" + job));
    assertThat(row.findElement(By.className("rh-job-status")).getText()).startsWith("abgebrochen");
    assertThat(row.findElement(By.className("rh-job-interrupted")).getText())
        .contains("Abgebrochen", "„it-dead-node“", "starten Sie ihn neu");
    assertThat(browser.findElement(By.id("jobs-live")).getAttribute("aria-live"))
        .isEqualTo("polite");
    accessible("portability page with an interrupted job");

    row.findElement(By.className("rh-job-restart")).sendKeys(Keys.ENTER);
    awaitStable().until(d -> text("page-messages").contains("neu gestartet"));
    // From here on nothing is pressed: the poll brings the progress into the live region.
    WebElement done =
        awaitStable()
            .withTimeout(java.time.Duration.ofSeconds(180))
            .until(
                d -> {
                  WebElement r = d.findElement(By.id("job-" + job));
                  return r.findElement(By.className("rh-job-status")).getText().startsWith("fertig")
                      ? r
                      : null;
                });
    assertThat(done.findElement(By.className("rh-job-result")).getText()).contains("Tabellen");
    assertThat(done.findElements(By.className("rh-job-restart"))).isEmpty();
    accessible("portability page after the restart");
  }

  /**
   * The newest job row of that kind (and municipality) once it shows {@code status}; until then the
   * page's "Stand aktualisieren" is pressed by keyboard (a full page load each time).
   */
  private WebElement awaitJob(String slug, String kind, String status) {
    return awaitStable()
        .withTimeout(java.time.Duration.ofSeconds(180))
        .pollingEvery(java.time.Duration.ofSeconds(1))
        .until(
            d -> {
              for (WebElement row : d.findElements(By.cssSelector("#jobs-table tr.rh-job"))) {
                String text = row.getText();
                boolean matches =
                    text.startsWith(kind + " ")
                        && (slug == null
                            || slug.equals(row.findElement(By.className("rh-job-slug")).getText()));
                if (matches) {
                  if (row.findElement(By.className("rh-job-status")).getText().startsWith(status)) {
                    return row;
                  }
                  break;
                }
              }
              d.findElement(By.id("refresh:run")).sendKeys(Keys.ENTER);
              return null;
            });
  }

  private static String slug(Connection c, UUID municipality) throws Exception {
    try (PreparedStatement p = c.prepareStatement("select slug from municipality where id = ?")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
