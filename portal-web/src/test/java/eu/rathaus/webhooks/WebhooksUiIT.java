package eu.rathaus.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.BrowserJourney;
import eu.rathaus.web.it.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Moritz (Musterstadt's admin) opens "Webhooks" from the header, is told in German that a host
 * outside the residency policy is not allowed, subscribes a receiver on this machine by keyboard
 * only, sees the signing secret once (not after reloading), sees a delivery in the log as delivered
 * with the receiver's 204, and sends it again; axe-core clean throughout.
 */
class WebhooksUiIT extends BrowserJourney {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  @Test
  void moritzSubscribesSeesTheSecretOnceAndTheDeliveryLog() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.start();
      signInAsMoritz();
      browser.findElement(By.id("nav-webhooks")).click();
      Browser.awaitOrExplain(browser, By.id("webhooks-heading"));
      accessible("webhooks page");

      type("subscribe:url", "https://hooks.example.org/rathaus");
      browser.findElement(By.id("subscribe:save")).click();
      Browser.awaitOrExplain(browser, By.id("subscribe:url-error"));
      assertThat(text("subscribe:url-error")).contains("Datenresidenz");
      accessible("webhooks page with a problem");

      // Keyboard only: the address, a second event ticked with the space bar, Enter submits.
      type("subscribe:url", receiver.url());
      browser.findElement(By.id("subscribe:ev-case-status-changed")).sendKeys(Keys.SPACE);
      browser.findElement(By.id("subscribe:url")).sendKeys(Keys.ENTER);
      Browser.awaitOrExplain(browser, By.id("new-secret"));
      String secret = text("new-secret");
      assertThat(secret).startsWith("whsec_");
      assertThat(browser.findElement(By.id("subscriptions-table")).getText())
          .contains(receiver.url())
          .contains("application.submitted")
          .contains("case.status-changed");
      accessible("webhooks page with the new secret");

      UUID subscription = subscriptionOf(receiver.url());
      UUID delivery = UUID.randomUUID();
      String marker = "ui-" + delivery;
      // The event itself, as webhook_enqueue queues it (the superuser passes row-level security).
      try (Connection c = Jdbc.superuser();
          PreparedStatement insert =
              c.prepareStatement(
                  "insert into webhook_delivery (id, municipality_id, subscription_id, event_type,"
                      + " payload, created_at, next_attempt_at) values (?, ?, ?, 'case.status-changed', ?,"
                      + " now(), now())")) {
        insert.setObject(1, delivery);
        insert.setObject(2, MUSTERSTADT);
        insert.setObject(3, subscription);
        insert.setString(
            4, "{\"type\":\"case.status-changed\",\"data\":{\"caseId\":\"" + marker + "\"}}");
        insert.execute();
      }
      assertThat(receiver.await(marker, 1, 30_000)).hasSize(1);

      // A fresh GET (a reload would post the form again): a new view, the secret no longer shown.
      browser.get(portal + "/municipal/webhooks.xhtml");
      Browser.awaitOrExplain(browser, By.id("delivery-" + delivery));
      assertThat(browser.findElements(By.id("new-secret")))
          .as("the secret is shown once")
          .isEmpty();
      awaitStable()
          .until(
              d -> {
                d.get(portal + "/municipal/webhooks.xhtml");
                return d.findElement(By.id("delivery-" + delivery))
                    .getText()
                    .contains("zugestellt");
              });
      assertThat(text("delivery-" + delivery)).contains("204").contains("case.status-changed");
      accessible("webhooks page with the delivery log");

      browser
          .findElement(By.id("delivery-" + delivery))
          .findElement(By.cssSelector("input[type=submit]"))
          .sendKeys(Keys.ENTER);
      Browser.awaitOrExplain(browser, By.id("page-messages"));
      assertThat(text("page-messages")).contains("erneut gesendet");
      assertThat(receiver.await(marker, 2, 30_000)).hasSize(2);

      // "Neues Geheimnis" by keyboard: a new secret shown once, the old one valid for 24 hours.
      browser
          .findElement(By.id("subscription-" + subscription))
          .findElement(By.cssSelector("input[id$='rotate']"))
          .sendKeys(Keys.ENTER);
      Browser.awaitOrExplain(browser, By.id("rotated-lead"));
      String rotated = text("new-secret");
      assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
      assertThat(text("rotated-lead")).contains("24 Stunden");
      assertThat(text("page-messages")).contains("neues Geheimnis");
      accessible("webhooks page with the rotated secret");

      browser
          .findElement(By.id("subscription-" + subscription))
          .findElement(By.cssSelector("input[id$='unsubscribe']"))
          .click();
      Browser.awaitOrExplain(browser, By.id("page-messages"));
      assertThat(browser.findElements(By.id("subscription-" + subscription))).isEmpty();
    }
  }

  private static UUID subscriptionOf(String url) throws Exception {
    try (Connection c = Jdbc.superuser();
        PreparedStatement q =
            c.prepareStatement("select id from webhook_subscription where url = ? and active")) {
      q.setString(1, url);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return (UUID) r.getObject(1);
      }
    }
  }
}
