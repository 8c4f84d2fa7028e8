package eu.rathaus.registers.lostproperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.TenantScope;
import eu.rathaus.registers.lostproperty.application.FindersDeadlineJob;
import eu.rathaus.registers.lostproperty.domain.FinderNotice;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ItMail;
import eu.rathaus.web.it.RacingRequests;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The finder is told when the deadline passes: the deadline job, run by two nodes at the same
 * moment and once more afterwards, queues exactly one notice per finder with an e-mail address (in
 * the transaction that marks the item), and the mail catcher (GreenMail) receives it — "yours to
 * collect" for a finder who keeps, "the municipality keeps it" for one who waived; a finder whose
 * contact is a phone number gets no mail. The items and addresses are this test's own.
 */
@ExtendWith(ArquillianExtension.class)
class FinderNoticeIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(FinderNoticeIT.class, DeadlineProbe.class);
  }

  @ArquillianResource URL base;

  @Test
  @RunAsClient
  void whenTheDeadlinePassesEachFinderIsToldOnceByMail() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String keeps = "finderin-" + tag + "@fund.example.org";
    String waived = "finder-" + tag + "@fund.example.org";

    Properties report = probe("keeps=" + keeps + "&waived=" + waived);

    assertEquals("1", report.getProperty("queued.keeps"), report::toString);
    assertEquals("1", report.getProperty("queued.waived"), report::toString);
    assertEquals("0", report.getProperty("queued.phone"), report::toString);
    String toFinder = ItMail.awaitTextTo(keeps, report.getProperty("reference.keeps"), 60_000);
    assertNotNull(toFinder, "the finder who keeps got a mail");
    assertTrue(toFinder.contains("gehört der Gegenstand nun Ihnen"), toFinder);
    String toWaived = ItMail.awaitTextTo(waived, report.getProperty("reference.waived"), 60_000);
    assertNotNull(toWaived, "the finder who waived got a mail");
    assertTrue(toWaived.contains("behält die Gemeinde"), toWaived);
    assertTrue(!toFinder.contains("Alte Tasche") && !toWaived.contains("Alte Tasche"));
    assertEquals(1, ItMail.messagesTo(keeps, 0));
    assertEquals(1, ItMail.messagesTo(waived, 0));
  }

  private Properties probe(String query) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            base.toString().replaceAll("/$", "") + "/it/deadline-probe?" + query))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    Properties reported = new Properties();
    reported.load(new StringReader(response.body()));
    return reported;
  }

  /**
   * Test-only servlet, deployed with this test alone: records three items found over six months ago
   * (a finder who keeps, one who waived, one with a phone number), runs the deadline job on two
   * "nodes" at once and then again, and reports how many notices each finder got queued.
   */
  @WebServlet("/it/deadline-probe")
  public static class DeadlineProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject FindersDeadlineJob deadlines;
    @Inject ScopedTransactions transactions;
    @Inject RacingRequests races;

    @PersistenceContext(unitName = "rathaus")
    EntityManager em;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        Properties report = new Properties();
        LocalDate old = LocalDate.now(ZoneId.of("Europe/Berlin")).minusMonths(6).minusDays(3);
        String phone = "0911 " + UUID.randomUUID().toString().substring(0, 6);
        Object[][] finders = {
          {"keeps", req.getParameter("keeps"), true},
          {"waived", req.getParameter("waived"), false},
          {"phone", phone, true}
        };
        transactions.asPlatform(
            () -> {
              for (Object[] finder : finders) {
                UUID item = UUID.randomUUID();
                em.createNativeQuery(
                        "insert into found_item (id, municipality_id, category, description, found_place, found_on,"
                            + " kept_at, finder_keeps, recorded_by) values (?1, ?2, 'bag', 'Alte Tasche', 'Bahnhof',"
                            + " ?3, 'Keller', ?4, 'it')")
                    .setParameter(1, item)
                    .setParameter(2, ItJourneys.MUSTERSTADT)
                    .setParameter(3, old)
                    .setParameter(4, finder[2])
                    .executeUpdate();
                em.createNativeQuery(
                        "insert into found_item_finder (found_item_id, municipality_id, name, contact)"
                            + " values (?1, ?2, 'Fiona Finderin', ?3)")
                    .setParameter(1, item)
                    .setParameter(2, ItJourneys.MUSTERSTADT)
                    .setParameter(3, finder[1])
                    .executeUpdate();
                report.setProperty("reference." + finder[0], FinderNotice.reference(item, old));
              }
            });
        TenantScope node = TenantScope.platform("it-node");
        races.atOnce(
            List.of(
                new RacingRequests.Contender<>(node, () -> drain()),
                new RacingRequests.Contender<>(node, () -> drain())));
        drain();
        for (Object[] finder : finders) {
          long queued =
              transactions.call(
                  node,
                  () ->
                      ((Number)
                              em.createNativeQuery(
                                      "select count(*) from notification_outbox where recipient_email = ?1")
                                  .setParameter(1, finder[1])
                                  .getSingleResult())
                          .longValue());
          report.setProperty("queued." + finder[0], String.valueOf(queued));
        }
        resp.setContentType("text/plain;charset=UTF-8");
        report.store(resp.getWriter(), null);
      } catch (Exception e) {
        throw new IOException(e);
      }
    }

    private int drain() {
      int total = 0;
      int marked;
      do {
        marked = deadlines.markPassed();
        total += marked;
      } while (marked > 0);
      return total;
    }
  }
}
