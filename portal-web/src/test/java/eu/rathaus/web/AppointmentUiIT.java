package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.ItServices;
import eu.rathaus.web.it.Jdbc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Appointments in the browser. A visitor books with the keyboard alone (Tab to the address, type,
 * Tab to a time, Enter), confirms through the mailed link, downloads the calendar file, moves the
 * appointment and cancels it through the link; Mia (Musterstadt's clerk) sees the day per counter
 * and marks a no-show. Moritz (Musterstadt's admin) sets up a location by keyboard and makes a
 * service end with an appointment, which Erika then books for her case and Mia opens from the day
 * list. axe-core is clean on every page. Each test makes its own location, type and service in
 * Musterstadt.
 */
class AppointmentUiIT extends BrowserJourney {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** A location with one counter, open every day 06:00–20:00, and a 30-minute type. */
  private static UUID[] place(String typeName) throws Exception {
    UUID location = UUID.randomUUID();
    UUID counter = UUID.randomUUID();
    UUID type = UUID.randomUUID();
    try (Connection c = Jdbc.superuser()) {
      run(
          c,
          "insert into appointment_location (id, municipality_id, name, address) values (?, ?, 'UI-Büro', 'Testweg 2')",
          location,
          MUSTERSTADT);
      run(
          c,
          "insert into appointment_counter (id, municipality_id, location_id, name) values (?, ?, ?, 'Schalter A')",
          counter,
          MUSTERSTADT,
          location);
      run(
          c,
          "insert into appointment_opening_hours (id, municipality_id, location_id, weekday, opens, closes)"
              + " select gen_random_uuid(), ?, ?, d, '06:00', '20:00' from generate_series(1, 7) d",
          MUSTERSTADT,
          location);
      run(
          c,
          "insert into appointment_type (id, municipality_id, location_id, name, minutes, anonymous_allowed)"
              + " values (?, ?, ?, ?, 30, true)",
          type,
          MUSTERSTADT,
          location,
          typeName);
    }
    return new UUID[] {location, counter, type};
  }

  private static void run(Connection c, String sql, Object... values) throws Exception {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        p.setObject(i + 1, values[i]);
      }
      p.executeUpdate();
    }
  }

  /** Presses Tab until the element with {@code id} has the focus (at most 60 times). */
  private void tabTo(String id) {
    for (int i = 0; i < 60; i++) {
      WebElement active = browser.switchTo().activeElement();
      if (id.equals(active.getAttribute("id"))) {
        return;
      }
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached #" + id);
  }

  private void tabToFirstSlot() {
    for (int i = 0; i < 60; i++) {
      WebElement active = browser.switchTo().activeElement();
      if (active.getAttribute("data-slot") != null) {
        return;
      }
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached a time");
  }

  private static String link(String mail, String page) {
    Matcher m =
        Pattern.compile("(https?://\\S+/appointments/" + page + "\\?token=[A-Za-z0-9_-]+)")
            .matcher(mail);
    assertThat(m.find()).as("link to " + page + " in " + mail).isTrue();
    return m.group(1);
  }

  @Test
  void aVisitorBooksByKeyboardConfirmsThroughTheMailAndCancelsThroughTheLink() throws Exception {
    String typeName = "Personalausweis abholen UI " + Long.toString(System.nanoTime(), 36);
    UUID type = place(typeName)[2];
    String address = "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@termin.example.org";

    browser.get(portal + "/appointments/book.xhtml?type=" + type);
    Browser.awaitOrExplain(browser, By.id("book:email"));
    assertThat(browser.findElement(By.id("book-heading")).getText()).contains(typeName);
    assertThat(browser.findElements(By.cssSelector("section.rh-appointment-day h3"))).isNotEmpty();
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the booking page").isEmpty();

    // Keyboard only: no clicks from here to the booking.
    browser.findElement(By.tagName("body")).sendKeys("");
    tabTo("book:email");
    new Actions(browser).sendKeys(address).perform();
    tabToFirstSlot();
    String label = browser.switchTo().activeElement().getAttribute("aria-label");
    assertThat(label).as("the button names day and time").matches(".*\\d{4}, \\d{2}:\\d{2}");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    Browser.awaitOrExplain(browser, By.id("held"));
    assertThat(browser.findElement(By.id("held")).getText())
        .contains("Bitte bestätigen Sie Ihren Termin", "Schalter A");
    assertThat(Browser.seriousViolations(browser)).as("axe-core after booking").isEmpty();

    String confirmMail = ItMail.awaitTextTo(address, "/appointments/confirm.xhtml", 30_000);
    assertThat(confirmMail).as("the confirmation link arrives").isNotNull();
    browser.get(link(confirmMail, "confirm.xhtml"));
    Browser.awaitOrExplain(browser, By.id("confirm:confirm-button"));
    assertThat(browser.findElement(By.id("appointment-status")).getText())
        .isEqualTo("reserviert, noch nicht bestätigt");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the confirm page").isEmpty();
    browser.findElement(By.id("confirm:confirm-button")).sendKeys(Keys.ENTER);
    Browser.awaitText(browser, By.id("appointment-status"), "gebucht");
    assertThat(browser.findElement(By.id("appointment-notice")).getText())
        .contains("Ihr Termin ist bestätigt");

    String bookedMail = ItMail.awaitTextTo(address, "/appointments/manage.xhtml", 30_000);
    assertThat(bookedMail).as("the booking confirmation arrives").isNotNull();
    String manage = link(bookedMail, "manage.xhtml");
    HttpResponse<String> ics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(manage.replace("/manage.xhtml?token=", "/ics?token=")))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/calendar"));
    assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:" + typeName);

    // Moving it through the link: another time, in one step; the old link then says "verschoben".
    browser.get(manage);
    Browser.awaitOrExplain(browser, By.id("move"));
    browser.findElement(By.id("move")).sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("rebook-from"));
    assertThat(browser.findElements(By.id("book:email"))).as("the address stays").isEmpty();
    accessible("the move page");
    List<WebElement> times = browser.findElements(By.cssSelector("[data-slot]"));
    times.get(times.size() - 1).sendKeys(Keys.ENTER);
    Browser.awaitText(browser, By.id("booked-heading"), "Ihr Termin ist verschoben");
    String movedMail =
        ItMail.awaitOtherTextTo(address, "/appointments/manage.xhtml", manage, 30_000);
    assertThat(movedMail).as("the new time is confirmed with a new link").isNotNull();
    browser.get(manage);
    Browser.awaitText(browser, By.id("appointment-status"), "verschoben");
    assertThat(browser.findElements(By.id("manage:cancel"))).as("the old link").isEmpty();
    manage = link(movedMail, "manage.xhtml");

    browser.get(manage);
    Browser.awaitOrExplain(browser, By.id("manage:cancel"));
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the manage page").isEmpty();
    browser.findElement(By.id("manage:cancel")).sendKeys(Keys.ENTER);
    Browser.awaitText(browser, By.id("appointment-status"), "abgesagt");
    assertThat(browser.findElement(By.id("rebook")).getAttribute("href")).contains("type=" + type);
    assertThat(Browser.seriousViolations(browser)).as("axe-core after cancelling").isEmpty();

    browser.get(portal + "/appointments/manage.xhtml?token=guessed");
    Browser.awaitOrExplain(browser, By.id("appointment-unknown"));
  }

  @Test
  void theClerkSeesTheDayPerCounterAndMarksANoShow() throws Exception {
    UUID[] place = place("Abholung UI " + Long.toString(System.nanoTime(), 36));
    UUID appointment = UUID.randomUUID();
    Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    String email = "day-" + UUID.randomUUID().toString().substring(0, 8) + "@termin.example.org";
    try (Connection c = Jdbc.superuser()) {
      run(
          c,
          "insert into appointment (id, municipality_id, type_id, counter_id, starts_at, ends_at, status, email,"
              + " token_hash, confirmed_at) values (?, ?, ?, ?, ?, ?, 'BOOKED', ?, md5(random()::text) || md5(random()::text), now())",
          appointment,
          MUSTERSTADT,
          place[2],
          place[1],
          Timestamp.from(start),
          Timestamp.from(start.plus(30, ChronoUnit.MINUTES)),
          email);
    }
    LocalDate day = start.atZone(BERLIN).toLocalDate();

    ItApplications.signInAsMia(browser, portal);
    Browser.awaitOrExplain(browser, By.id("nav-appointments"));
    browser.get(portal + "/office/appointments.xhtml?day=" + day);
    By row = By.id("appointment-" + appointment);
    Browser.awaitOrExplain(browser, row);
    assertThat(browser.findElement(row).getText()).contains(email, "gebucht");
    assertThat(browser.findElement(row).findElement(By.xpath("ancestor::section/h2")).getText())
        .isEqualTo("Schalter A");
    assertThat(Browser.seriousViolations(browser)).as("axe-core on the day view").isEmpty();

    browser.findElement(row).findElement(By.xpath(".//input[@value='Nicht erschienen']")).click();
    Browser.awaitText(browser, By.id("office-notice"), "Als nicht erschienen vermerkt.");
    assertThat(browser.findElement(row).getText()).contains("nicht erschienen");
    assertThat(Browser.seriousViolations(browser)).as("axe-core after the no-show").isEmpty();
  }

  private static UUID definitionOf(String serviceKey) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement p =
            c.prepareStatement("select id from service_definition where service_key = ?")) {
      p.setString(1, serviceKey);
      try (var rows = p.executeQuery()) {
        rows.next();
        return (UUID) rows.getObject(1);
      }
    }
  }

  /** Chooses the location in the entry form and leaves the focus on its select. */
  private void chooseLocation(String name) {
    WebElement select = browser.findElement(By.id("entry:for-location"));
    new org.openqa.selenium.support.ui.Select(select).selectByVisibleText(name);
    select.sendKeys("");
  }

  /** Waits until the section lists {@code text} (the page was posted and rendered again). */
  private void awaitListed(By section, String text) {
    awaitStable().until(d -> d.findElement(section).getText().contains(text));
  }

  /** Presses Enter on the element {@code id} (a button or link), as a keyboard user would. */
  private void press(String id) {
    browser.findElement(By.id(id)).sendKeys(Keys.ENTER);
  }

  @Test
  void theAdminSetsUpALocationWithCounterHoursClosureAndTypeByKeyboard() throws Exception {
    String name = "Bürgerbüro UI " + Long.toString(System.nanoTime(), 36);
    signInAsMoritz();
    browser.get(portal + "/municipal/appointments.xhtml");
    Browser.awaitOrExplain(browser, By.id("location:name"));
    accessible("the setup page");

    // After every post the focus starts at the top again, above the growing list of locations:
    // each form is entered at its first control, then worked with Tab, typing and Enter.
    browser.findElement(By.id("location:name")).sendKeys(name);
    tabTo("location:address");
    new Actions(browser).sendKeys("Rathausplatz 9, 91000 Musterstadt", Keys.ENTER).perform();
    Browser.awaitText(browser, By.id("setup-messages"), "Gespeichert.");
    By section = By.xpath("//section[h2[normalize-space()='" + name + "']]");
    Browser.awaitOrExplain(browser, section);

    chooseLocation(name);
    tabTo("entry:counter");
    new Actions(browser).sendKeys("Schalter Nord", Keys.ENTER).perform();
    awaitListed(section, "Schalter Nord");

    chooseLocation(name);
    // Native time and date pickers differ per browser locale; their values are set directly.
    browser.executeScript(
        "document.getElementById('entry:opens').value='08:00';"
            + "document.getElementById('entry:closes').value='12:00';");
    press("entry:add-hours");
    awaitListed(section, "Montag 08:00–12:00");

    chooseLocation(name);
    browser.executeScript("document.getElementById('entry:day').value='2030-12-24';");
    tabTo("entry:reason");
    new Actions(browser).sendKeys("Heiligabend").perform();
    press("entry:add-closure");
    awaitListed(section, "2030-12-24 Heiligabend");

    chooseLocation(name);
    tabTo("entry:type-name");
    new Actions(browser).sendKeys("Reisepass abholen").perform();
    tabTo("entry:minutes");
    new Actions(browser).sendKeys("abc").perform();
    press("entry:add-type");
    Browser.awaitText(browser, By.id("setup-messages"), "ganze Zahl von 5 bis 240");
    browser.findElement(By.id("entry:minutes")).clear();
    browser.findElement(By.id("entry:minutes")).sendKeys("20");
    press("entry:add-type");
    awaitListed(section, "Reisepass abholen (20 min)");

    String listed = browser.findElement(section).getText();
    assertThat(listed)
        .contains(
            "Schalter Nord",
            "Montag 08:00–12:00",
            "2030-12-24 Heiligabend",
            "Reisepass abholen (20 min)");
    accessible("the setup page with a location");

    // Not offered any more: the type leaves the list (bookings would stay).
    browser
        .findElement(section)
        .findElement(By.xpath(".//input[@value='Nicht mehr anbieten']"))
        .sendKeys(Keys.ENTER);
    awaitStable()
        .until(d -> !d.findElement(section).getText().contains("Reisepass abholen (20 min)"));
  }

  @Test
  void aServiceEndsWithAnAppointmentThatErikaBooksForHerCaseAndMiaOpensTheCase() throws Exception {
    String typeName = "Meldebescheinigung abholen UI " + Long.toString(System.nanoTime(), 36);
    UUID type = place(typeName)[2];
    String serviceKey =
        ItServices.publish("/catalogue/templates/meldebescheinigung.json", "musterstadt");
    UUID definition = definitionOf(serviceKey);

    // Moritz makes the service end with the appointment.
    signInAsMoritz();
    browser.get(portal + "/municipal/appointments.xhtml");
    Browser.awaitOrExplain(browser, By.id("link:link-service"));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("link:link-service")))
        .selectByValue(definition.toString());
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("link:link-type")))
        .selectByValue(type.toString());
    press("link:link-save");
    Browser.awaitText(browser, By.id("setup-messages"), "Gespeichert.");
    assertThat(browser.findElement(By.id("list")).getText())
        .contains(
            typeName
                + " (30 min, ohne Anmeldung, letzter Schritt von: Meldebescheinigung beantragen)");
    accessible("the setup page with the link form");
    ItApplications.signOut(browser);

    // Erika submits; the confirmation offers the appointment, she books it by keyboard.
    signInAsErika();
    String reference =
        fileMeldebescheinigungAsErika(serviceKey, "simple", "erika.mustermann@example.org");
    Browser.awaitOrExplain(browser, By.id("book-appointment"));
    assertThat(text("submitted-appointment")).contains(typeName);
    accessible("the confirmation with the appointment offer");
    press("book-appointment");
    Browser.awaitOrExplain(browser, By.id("book-for-case"));
    WebElement email = browser.findElement(By.id("book:email"));
    if (email.getAttribute("value").isBlank()) {
      email.sendKeys("erika.mustermann@example.org");
    }
    browser.findElement(By.tagName("body")).sendKeys("");
    tabToFirstSlot();
    long startMillis = Long.parseLong(browser.switchTo().activeElement().getAttribute("data-slot"));
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    Browser.awaitOrExplain(browser, By.id("booked"));
    accessible("the booked appointment of the case");

    browser.get(portal + "/citizen/applications.xhtml");
    Browser.awaitOrExplain(browser, By.id("appointment-" + reference));
    assertThat(text("appointment-" + reference)).startsWith("Termin: ");
    assertThat(browser.findElements(By.id("book-appointment-" + reference))).isEmpty();
    accessible("Meine Anträge with the appointment");
    ItApplications.signOut(browser);

    // Mia finds it on the day's list and opens the case, which shows the appointment.
    LocalDate day = Instant.ofEpochMilli(startMillis).atZone(BERLIN).toLocalDate();
    ItApplications.signInAsMia(browser, portal);
    browser.get(portal + "/office/appointments.xhtml?day=" + day);
    By caseLink = By.xpath("//tr[td[normalize-space()='" + typeName + "']]//a");
    Browser.awaitOrExplain(browser, caseLink);
    browser.findElement(caseLink).sendKeys(Keys.ENTER);
    Browser.awaitOrExplain(browser, By.id("case-appointment-when"));
    assertThat(browser.getPageSource()).contains(reference);
    assertThat(text("case-appointment-when")).contains(typeName, "gebucht");
    accessible("the case page with its appointment");
  }
}
