package eu.rathaus.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The portal WAR exactly as built, as Arquillian deploys it; named rathaus.war for its OIDC setup.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive portal(Class<?>... testClasses) {
    WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/rathaus.war"));
    war.addClasses(testClasses);
    war.addClasses(
        Deployments.class,
        ScopedTransactions.class,
        RacingRequests.class,
        RacingRequests.Contender.class,
        ItJourneys.class,
        ItJourneys.Published.class,
        PdfText.class,
        SmallPdf.class);
    return war;
  }
}
