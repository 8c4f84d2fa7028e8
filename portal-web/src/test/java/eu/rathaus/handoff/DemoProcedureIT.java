package eu.rathaus.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.launcher.DemoProcedure;
import eu.rathaus.launcher.ReferenceReceiver;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.Jdbc;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@code ./rathaus up} does for the demo's specialist procedure, against the test stack: the
 * launcher's {@link DemoProcedure} hands Musterstadt's dog-tax registration to the reference
 * receiver — keys in the data folder, the destination's Keycloak client made through the admin API,
 * the destination row — and the receiver signs in with client credentials and polls the Subscriber
 * API without error. (The round trip itself, with the same receiver, is {@link HandoffIT}.) The
 * service goes back to the back office at the end.
 */
@ExtendWith(ArquillianExtension.class)
class DemoProcedureIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void theDemoServiceIsHandedToTheReferenceReceiverWhichSignsInAndPolls() throws Exception {
    Optional<ReferenceReceiver> started = DemoProcedure.start(ItStack.config(), base.toURI());
    assertThat(started).as("the demo catalogue has Musterstadt's dog-tax registration").isPresent();
    try (ReferenceReceiver receiver = started.get()) {
      try (Connection c = Jdbc.superuser();
          PreparedStatement p =
              c.prepareStatement(
                  "select h.active, h.client_id, h.encryption_key from handoff_destination h"
                      + " join service_definition d on d.id = h.definition_id"
                      + " join municipality m on m.id = d.municipality_id"
                      + " where m.slug = 'musterstadt' and d.service_key = ?")) {
        p.setString(1, DemoProcedure.SERVICE_KEY);
        try (ResultSet r = p.executeQuery()) {
          assertThat(r.next()).isTrue();
          assertThat(r.getBoolean(1)).isTrue();
          assertThat(r.getString(2)).startsWith("rathaus-destination-");
          assertThat(r.getString(3)).contains("RSA-OAEP-256").doesNotContain("\"d\"");
        }
      }
      // Signs in with the client the launcher made, and the API lets it in (a token of another
      // destination or none would be 403/401): the round fails loudly otherwise.
      assertThat(receiver.token()).isNotBlank();
      receiver.pollOnce();
    } finally {
      try (Connection c = Jdbc.superuser();
          PreparedStatement p =
              c.prepareStatement(
                  "update handoff_destination set active = false where definition_id in (select d.id"
                      + " from service_definition d join municipality m on m.id = d.municipality_id"
                      + " where m.slug = 'musterstadt' and d.service_key = ?)")) {
        p.setString(1, DemoProcedure.SERVICE_KEY);
        p.executeUpdate();
      }
    }
  }
}
