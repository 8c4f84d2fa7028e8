package eu.rathaus.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.it.Deployments;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public directory against the real database with the demo municipalities of migration V1. */
@ExtendWith(ArquillianExtension.class)
class MunicipalityDirectoryIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(MunicipalityDirectoryIT.class);
  }

  @Inject MunicipalityDirectory directory;

  private static List<String> slugs(List<MunicipalitySummary> result) {
    return result.stream().map(MunicipalitySummary::slug).toList();
  }

  @Test
  void blankSearchListsActiveMunicipalitiesByName() {
    List<String> slugs = slugs(directory.search("  "));
    assertTrue(slugs.indexOf("beispielheim") < slugs.indexOf("musterstadt"), slugs::toString);
    assertTrue(slugs.containsAll(List.of("beispielheim", "musterstadt")), slugs::toString);
  }

  @Test
  void searchMatchesNameStateAndOfficialKeyCaseInsensitively() {
    assertEquals(List.of("musterstadt"), slugs(directory.search("MUSTER")));
    assertEquals(List.of("beispielheim"), slugs(directory.search("württemberg")));
    assertEquals(List.of("musterstadt"), slugs(directory.search("09199001")));
  }

  @Test
  void wildcardsInUserInputAreLiteral() {
    assertEquals(List.of(), directory.search("%"));
    assertEquals(List.of(), directory.search("_usterstadt"));
  }

  @Test
  void overlongInputIsCutNotRefused() {
    assertEquals(List.of(), directory.search("x".repeat(100_000)));
  }

  @Test
  void lookupBySlug() {
    assertEquals("Musterstadt", directory.bySlug("musterstadt").orElseThrow().name());
    assertTrue(directory.bySlug("nirgendwo").isEmpty());
  }
}
