package eu.rathaus.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Browser;
import eu.rathaus.web.it.ItApplications;
import eu.rathaus.web.it.ItStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 12's proof that a node can die without the citizen noticing: two portal nodes behind
 * HAProxy; Erika signs in and fills step 1; the node serving her is killed with SIGKILL; she fills
 * step 2 and submits on the surviving node without signing in again. Exactly one application with
 * her step-1 answers, one confirmation mail; then Mia claims the case on the survivor.
 *
 * <p>Two ways to run it, both through {@code docker/test-cluster.sh} (failsafe excludes it from
 * {@code ./mvnw verify}: it starts two more servers and takes minutes): on the images with podman
 * compose ({@link ComposeCluster}), or as plain processes of the provisioned server with Debian's
 * HAProxy on the test stack ({@link LocalCluster}, {@code --processes}).
 */
class ClusterFailoverIT {

  private static PortalCluster cluster;

  /**
   * The compose stack when docker/test-cluster.sh started one, else two local processes on the test
   * stack.
   */
  @BeforeAll
  static void startCluster() throws Exception {
    if (ComposeCluster.configured()) {
      cluster = new ComposeCluster();
    } else {
      ItStack.stack();
      LocalCluster local =
          new LocalCluster(ItStack.config(), Path.of("target/cluster").toAbsolutePath());
      cluster = local;
      local.start();
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void citizenKeepsHerSessionAndDraftWhenHerNodeIsKilled() throws Exception {
    String portal = cluster.portalUrl();
    String service = cluster.meldebescheinigung();
    ChromeDriver erika = Browser.start();
    ChromeDriver mia = null;
    try {
      ItApplications.signInAsErika(erika, portal);
      erika.get(portal + "/citizen/apply.xhtml?m=musterstadt&s=" + service);
      Browser.awaitOrExplain(erika, By.id("apply-heading"));
      type(erika, "a-firstNames", "Erika Failover");
      type(erika, "a-lastName", "Mustermann");
      type(erika, "a-birthDate", "12.08.1964");
      erika.findElement(By.id("step:next")).click();
      Browser.awaitOrExplain(erika, By.id("a-certificateType-simple"));
      assertThat(erika.findElement(By.id("apply-progress")).getText()).isEqualTo("Schritt 2 von 3");

      Cookie node = erika.manage().getCookieNamed("RATHAUS_NODE");
      assertThat(node).as("HAProxy's stickiness cookie").isNotNull();
      String serving = node.getValue();
      long killedAt = System.nanoTime();
      cluster.kill(serving);

      // Step 2 is a postback of the page node 1 rendered: the survivor restores view and session.
      erika.findElement(By.id("a-certificateType-simple")).click();
      erika.findElement(By.id("a-delivery-mailbox")).click();
      erika.findElement(By.id("step:next")).click();
      Browser.awaitOrExplain(erika, By.id("a-email"));
      double failoverSeconds = (System.nanoTime() - killedAt) / 1e9;
      assertThat(erika.findElement(By.id("apply-progress")).getText()).isEqualTo("Schritt 3 von 3");
      assertThat(erika.manage().getCookieNamed("RATHAUS_NODE").getValue()).isNotEqualTo(serving);
      assertThat(erika.findElements(By.id("signed-in-user"))).as("still signed in").isNotEmpty();
      System.out.printf(
          "FAILOVER: %s killed (SIGKILL); Erika's next step answered by the survivor after %.1f s%n",
          serving, failoverSeconds);

      type(erika, "a-email", "erika.mustermann@example.org");
      erika.findElement(By.id("step:next")).click();
      Browser.awaitOrExplain(erika, By.id("review:submit"));
      assertThat(erika.findElement(By.tagName("main")).getText()).contains("Erika Failover");
      erika.findElement(By.id("review:submit")).click();
      Browser.awaitOrExplain(erika, By.id("submitted-reference"));
      String reference = erika.findElement(By.id("submitted-reference")).getText();

      List<String> answers = applicationsWithAnswers(reference);
      assertThat(answers).as("exactly one application " + reference).hasSize(1);
      assertThat(answers.get(0)).contains("Erika Failover", "1964-08-12");
      assertThat(cluster.mailArrived("erika.mustermann@example.org", reference, 30_000))
          .as("confirmation mail")
          .isTrue();
      assertThat(outboxRowsMentioning(reference)).as("one confirmation in the outbox").isEqualTo(1);

      mia = Browser.start();
      ItApplications.signInAsMia(mia, portal);
      mia.get(portal + "/office/case.xhtml?id=" + caseId(reference));
      Browser.awaitOrExplain(mia, By.id("case-heading"));
      mia.findElement(By.id("claim:submit")).click();
      Browser.awaitOrExplain(mia, By.id("case-confirmation"));
      assertThat(mia.findElement(By.id("case-status")).getText()).isEqualTo("In Bearbeitung");
    } finally {
      erika.quit();
      if (mia != null) {
        mia.quit();
      }
    }
  }

  private static void type(ChromeDriver browser, String id, String text) {
    browser.findElement(By.id(id)).clear();
    browser.findElement(By.id(id)).sendKeys(text);
  }

  private static List<String> applicationsWithAnswers(String reference) throws Exception {
    try (Connection c = cluster.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select answers::text from case_application where reference_number = ?")) {
      s.setString(1, reference);
      List<String> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(r.getString(1));
        }
      }
      return rows;
    }
  }

  private static int outboxRowsMentioning(String reference) throws Exception {
    try (Connection c = cluster.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from notification_outbox where parameters::text like ?")) {
      s.setString(1, "%" + reference + "%");
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static String caseId(String reference) throws Exception {
    try (Connection c = cluster.superuser();
        PreparedStatement s =
            c.prepareStatement(
                "select r.id from case_record r join case_application a on a.id = r.application_id where a.reference_number = ?")) {
      s.setString(1, reference);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }
}
