package eu.rathaus.catalogue;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.catalogue.application.CatalogueBrowser;
import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.DemoCatalogue;
import eu.rathaus.catalogue.application.DemoCatalogueSteps;
import eu.rathaus.catalogue.application.DemoTemplates;
import eu.rathaus.catalogue.application.PublishedService;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.catalogue.domain.FeeRule;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.ServiceDefinition;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.catalogue.domain.ServiceListing;
import eu.rathaus.identity.LevelOfAssurance;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.web.it.Deployments;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public catalogue against the real database with the demo content seeded at start-up
 * (RATHAUS_DEMO_DATA=true in failsafe's environment): German stemming, compound words, ranking,
 * tenant separation, suspended municipalities, hostile input, and the idempotent seeding itself.
 *
 * <p>Two services only Beispielheim offers ("it.*", with a word in the title of one and in the
 * description of the other) and a suspended municipality with an offered service are created once
 * and kept; the test database survives between runs.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogueSearchIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  private static final String SUSPENDED = "it-ruhestadt";
  private static final List<String> DEMO_KEYS =
      List.of(
          "demo.bewohnerparkausweis",
          "demo.datenschutzanfrage",
          "demo.fundsache-verlust",
          "demo.geburtsurkunde",
          "demo.hundesteuer-anmeldung",
          "demo.meldebescheinigung",
          "demo.wohnsitz-ummelden");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(CatalogueSearchIT.class);
  }

  @Inject CatalogueBrowser browser;
  @Inject MunicipalityDirectory directory;
  @Inject ServiceCatalogue catalogue;
  @Inject ServiceDefinitionRepository definitions;
  @Inject DemoCatalogueSteps demoSteps;
  @Inject DatabaseTenantScope databaseScope;
  @Inject CallerScope caller;
  @Inject UserTransaction tx;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private static List<String> keys(List<ServiceListing> listings) {
    return listings.stream().map(ServiceListing::serviceKey).toList();
  }

  /** Musterstadt's demo services only: other tests publish their own ("it.…") there too. */
  private static List<String> demoKeys(List<ServiceListing> listings) {
    return keys(listings).stream().filter(k -> k.startsWith("demo.")).toList();
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }

  private static Optional<ServiceListing> find(List<ServiceListing> listings, String key) {
    return listings.stream().filter(l -> l.serviceKey().equals(key)).findFirst();
  }

  /** A template that differs from the dog-tax template only in key and texts. */
  private static String itTemplate(String key, String title, String description) {
    String json = DemoTemplates.load("/catalogue/templates/hundesteuer-anmeldung.json");
    return json.replace("\"demo.hundesteuer-anmeldung\"", "\"" + key + "\"")
        .replace("\"Anmeldung eines Hundes zur Hundesteuer\"", "\"" + title + "\"")
        .replaceFirst("\"Wer einen Hund hält[^\"]*\"", "\"" + description + "\"")
        .replace("\"Register a dog for dog tax\"", "\"" + title + " (en)\"");
  }

  private void offer(UUID municipalityId, String key) {
    if (definitions.findByServiceKey(municipalityId, key).isPresent()) {
      return;
    }
    UUID definition = require(catalogue.adoptTemplate(municipalityId, key, "catalogue-it"));
    UUID draft = require(catalogue.openDraft(municipalityId, definition, "catalogue-it"));
    require(catalogue.publish(municipalityId, draft, "catalogue-it"));
  }

  private static UUID require(CatalogueOutcome outcome) {
    assertEquals(List.of(), outcome.problems());
    return outcome.id();
  }

  @BeforeEach
  void beispielheimOnlyServicesAndASuspendedMunicipality() throws Exception {
    tx.begin();
    try {
      databaseScope.apply(TenantScope.platform("catalogue-it"));
      catalogue.addTemplate(
          itTemplate(
              "it.gartenzaun",
              "Gartenzaun anzeigen",
              "Zeigen Sie den Bau eines Zauns an der Grundstücksgrenze an."),
          "catalogue-it");
      catalogue.addTemplate(
          itTemplate(
              "it.baumfaellung",
              "Baumfällung beantragen",
              "Auch wer dabei einen Gartenzaun versetzt, beantragt es hier."),
          "catalogue-it");
      offer(BEISPIELHEIM, "it.gartenzaun");
      offer(BEISPIELHEIM, "it.baumfaellung");

      Municipality suspended =
          em.createQuery("select m from Municipality m where m.slug = :s", Municipality.class)
              .setParameter("s", SUSPENDED)
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (suspended == null) {
        suspended =
            new Municipality(
                UUID.randomUUID(),
                SUSPENDED,
                "Ruhestadt",
                "09999977",
                "Bayern",
                "ruhestadt.example",
                "RUH");
        suspended.activate();
        em.persist(suspended);
        em.flush();
        offer(suspended.id(), "demo.hundesteuer-anmeldung");
        suspended.suspend();
      }
      tx.commit();
    } catch (Exception | AssertionError e) {
      tx.rollback();
      throw e;
    }
  }

  @Test
  void demoMunicipalitiesOfferTheSevenDemoServicesWithTheirReferenceCodes() {
    // Other tests publish their own services (keys "it.…") in Musterstadt; the demo ones are these
    // seven.
    assertEquals(
        DEMO_KEYS,
        sorted(
            keys(browser.services(MUSTERSTADT, null)).stream()
                .filter(k -> k.startsWith("demo."))
                .toList()));
    assertTrue(keys(browser.services(BEISPIELHEIM, "")).containsAll(DEMO_KEYS));
    @SuppressWarnings("unchecked")
    List<Object> codes =
        em.createNativeQuery(
                "select reference_code from municipality where slug in ('musterstadt', 'beispielheim') order by slug")
            .getResultList();
    assertEquals(List.of("BSP", "MUS"), codes);
  }

  @Test
  void browsingListsByCategoryThenTitle() {
    List<String> categories =
        browser.services(MUSTERSTADT, " ").stream().map(ServiceListing::category).toList();
    assertEquals(sorted(categories), categories);
  }

  @Test
  void hundFindsTheDogTaxByGermanStemming() {
    assertEquals(
        List.of("demo.hundesteuer-anmeldung"), demoKeys(browser.services(MUSTERSTADT, "Hund")));
    assertEquals(
        List.of("demo.hundesteuer-anmeldung"), demoKeys(browser.services(MUSTERSTADT, "Hunde")));
    assertEquals(
        List.of("demo.hundesteuer-anmeldung"),
        demoKeys(browser.services(MUSTERSTADT, "hundesteuer anmelden")));
  }

  @Test
  void parkenAndParkausweisFindTheParkingPermitInsideCompoundWords() {
    assertEquals(
        List.of("demo.bewohnerparkausweis"), demoKeys(browser.services(MUSTERSTADT, "Parken")));
    assertEquals(
        List.of("demo.bewohnerparkausweis"),
        demoKeys(browser.services(MUSTERSTADT, "Parkausweis")));
    assertEquals(
        List.of("demo.geburtsurkunde"), demoKeys(browser.services(MUSTERSTADT, "Geburtsurkunden")));
  }

  @Test
  void webSearchSyntaxWorks() {
    assertEquals(
        List.of("demo.geburtsurkunde", "demo.hundesteuer-anmeldung"),
        sorted(demoKeys(browser.services(MUSTERSTADT, "Hund or Geburtsurkunde"))));
    List<String> freeButNoDog = demoKeys(browser.services(MUSTERSTADT, "gebührenfrei -Hund"));
    assertTrue(freeButNoDog.contains("demo.geburtsurkunde"), freeButNoDog::toString);
    assertFalse(freeButNoDog.contains("demo.hundesteuer-anmeldung"), freeButNoDog::toString);
  }

  @Test
  void aMatchInTheTitleRanksBeforeAMatchInTheDescription() {
    assertEquals(
        List.of("it.gartenzaun", "it.baumfaellung"),
        keys(browser.services(BEISPIELHEIM, "Gartenzaun")));
  }

  @Test
  void beispielheimsServicesNeverAppearOnMusterstadtsPage() {
    assertEquals(List.of(), keys(browser.services(MUSTERSTADT, "Gartenzaun")));
    assertTrue(
        keys(browser.services(MUSTERSTADT, null)).stream()
            .noneMatch(k -> k.equals("it.gartenzaun") || k.equals("it.baumfaellung")));
    assertTrue(browser.service(MUSTERSTADT, "it.gartenzaun").isEmpty());
    assertTrue(browser.service(BEISPIELHEIM, "it.gartenzaun").isPresent());
  }

  @Test
  void eachMunicipalityChargesItsOwnFees() {
    ServiceListing musterstadt =
        find(browser.services(MUSTERSTADT, "Parkausweis"), "demo.bewohnerparkausweis")
            .orElseThrow();
    ServiceListing beispielheim =
        find(browser.services(BEISPIELHEIM, "Parkausweis"), "demo.bewohnerparkausweis")
            .orElseThrow();

    assertEquals(
        List.of(Money.euroCents(3000), Money.euroCents(6000)),
        List.of(musterstadt.feeFrom(), musterstadt.feeTo()));
    assertEquals(
        List.of(Money.euroCents(2500), Money.euroCents(5000)),
        List.of(beispielheim.feeFrom(), beispielheim.feeTo()));
    assertEquals(7, beispielheim.processingDays());
    assertEquals(LevelOfAssurance.SUBSTANTIAL, musterstadt.requiredLevel());
  }

  @Test
  void servicePageReadsTheCurrentPublishedVersion() {
    PublishedService dogTax =
        browser.service(MUSTERSTADT, "demo.hundesteuer-anmeldung").orElseThrow();

    assertEquals(new FeeRule.Fixed(Money.ZERO), dogTax.form().fee());
    assertEquals(14, dogTax.form().processingDays());
    assertEquals(LevelOfAssurance.SUBSTANTIAL, dogTax.form().levelOfAssurance());
    assertTrue(browser.service(MUSTERSTADT, "gibt.es.nicht").isEmpty());
    assertTrue(browser.service(MUSTERSTADT, "../../etc/passwd").isEmpty());
  }

  @Test
  void suspendedMunicipalityIsHidden() {
    assertTrue(directory.bySlug(SUSPENDED).isPresent());
    assertTrue(directory.activeBySlug(SUSPENDED).isEmpty());
    assertTrue(directory.activeBySlug("nirgendwo").isEmpty());
    assertTrue(directory.activeBySlug("x".repeat(10_000)).isEmpty());
  }

  @Test
  void hostileSearchInputNeverBreaksTheSearch() {
    for (String input :
        List.of(
            "x".repeat(100_000),
            "\u0000",
            "Hund\u0000",
            "'; drop table service_definition; --",
            "<script>alert(1)</script>",
            "\"",
            "-",
            "or",
            "!!!:*&|",
            "der die das",
            "\uD800",
            "Hund & | ! ( )")) {
      assertDoesNotThrow(
          () -> browser.services(MUSTERSTADT, input), input.length() > 40 ? "long input" : input);
    }
    assertEquals(
        List.of("demo.hundesteuer-anmeldung"),
        demoKeys(browser.services(MUSTERSTADT, "Hund\u0000")));
  }

  @Test
  void seedingAgainChangesNothing() throws Exception {
    // The steps are @TenantScoped: they take the caller's scope, as at start-up.
    caller.set(TenantScope.platform(DemoCatalogue.ACTOR));
    tx.begin();
    try {
      databaseScope.apply(TenantScope.platform(DemoCatalogue.ACTOR));
      for (String key : DEMO_KEYS) {
        assertFalse(
            demoSteps.offerIfMissing(
                "musterstadt", key, DemoCatalogue.PLAN.get("musterstadt").get(key)),
            key);
      }
      ServiceDefinition parking =
          definitions.findByServiceKey(MUSTERSTADT, "demo.bewohnerparkausweis").orElseThrow();
      Number versions =
          (Number)
              em.createNativeQuery("select count(*) from service_version where definition_id = ?1")
                  .setParameter(1, parking.id())
                  .getSingleResult();
      Number audited =
          (Number)
              em.createNativeQuery(
                      "select count(*) from audit_entry where actor = ?1 and action = 'service.version-published'")
                  .setParameter(1, DemoCatalogue.ACTOR)
                  .getSingleResult();
      assertEquals(1, versions.intValue());
      assertTrue(audited.intValue() >= 10, "audited publications: " + audited);
    } finally {
      tx.rollback();
    }
  }
}
