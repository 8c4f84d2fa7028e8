package eu.rathaus.catalogue.application;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.platform.SchemaReady;
import eu.rathaus.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Demo content for local runs and tests: the two demo municipalities adopt the five demo templates,
 * each with its own fees, and publish them — so a visitor finds a real catalogue, and the
 * difference between the municipalities shows that each one sets its own terms.
 *
 * <p>Only when {@code RATHAUS_DEMO_DATA=true} (environment or system property): a production portal
 * must never invent services. Runs at every start once the schema is ready and is idempotent: a
 * template that exists is not added again, a service a municipality already offers is left alone
 * (also if its administrators have changed it since). Everything goes through the same use cases as
 * an administrator's work ({@link ServiceCatalogue}), in the platform scope, with audit entries.
 *
 * <p>Why not a migration: it would have to repeat the validator's checks in SQL and would freeze
 * demo content into the schema history of every installation, production included.
 */
@ApplicationScoped
public class DemoCatalogue {

  /** Environment variable (or system property) that switches demo content on. */
  public static final String SWITCH = "RATHAUS_DEMO_DATA";

  /** Who the audit log names for demo content. */
  public static final String ACTOR = "system:demo-data";

  private static final Logger LOG = Logger.getLogger(DemoCatalogue.class.getName());

  /**
   * Local terms per municipality slug and service key. Musterstadt keeps the templates' fees,
   * Beispielheim charges differently and is slower with lost property. Dog tax registration and
   * lost-property reports are free of charge by nature, in both.
   */
  public static final Map<String, Map<String, LocalTerms>> PLAN = plan();

  @Inject DemoCatalogueSteps steps;
  @Inject CallerScope caller;
  @Inject RequestContextController requestContext;

  private static Map<String, Map<String, LocalTerms>> plan() {
    Map<String, LocalTerms> musterstadt = new LinkedHashMap<>();
    musterstadt.put(
        "demo.meldebescheinigung", LocalTerms.fees(Map.of("simple", 1000L, "extended", 1500L)));
    musterstadt.put(
        "demo.bewohnerparkausweis", LocalTerms.fees(Map.of("oneYear", 3000L, "twoYears", 6000L)));
    musterstadt.put("demo.fundsache-verlust", LocalTerms.fees(Map.of(LocalTerms.FIXED, 0L)));
    musterstadt.put("demo.hundesteuer-anmeldung", LocalTerms.fees(Map.of(LocalTerms.FIXED, 0L)));
    musterstadt.put(
        "demo.geburtsurkunde", LocalTerms.fees(Map.of("general", 1200L, "pension", 0L)));
    musterstadt.put("demo.datenschutzanfrage", LocalTerms.fees(Map.of(LocalTerms.FIXED, 0L)));
    musterstadt.put("demo.wohnsitz-ummelden", LocalTerms.fees(Map.of(LocalTerms.FIXED, 0L)));
    Map<String, LocalTerms> beispielheim = new LinkedHashMap<>();
    beispielheim.put(
        "demo.meldebescheinigung", LocalTerms.fees(Map.of("simple", 1200L, "extended", 1700L)));
    beispielheim.put(
        "demo.bewohnerparkausweis",
        LocalTerms.fees(Map.of("oneYear", 2500L, "twoYears", 5000L)).withProcessingDays(7));
    beispielheim.put(
        "demo.fundsache-verlust",
        LocalTerms.fees(Map.of(LocalTerms.FIXED, 0L)).withProcessingDays(21));
    beispielheim.put(
        "demo.hundesteuer-anmeldung",
        LocalTerms.fees(Map.of(LocalTerms.FIXED, 0L)).withProcessingDays(10));
    beispielheim.put(
        "demo.geburtsurkunde", LocalTerms.fees(Map.of("general", 1400L, "pension", 0L)));
    beispielheim.put("demo.datenschutzanfrage", LocalTerms.fees(Map.of(LocalTerms.FIXED, 0L)));
    beispielheim.put(
        "demo.wohnsitz-ummelden",
        LocalTerms.fees(Map.of(LocalTerms.FIXED, 0L)).withProcessingDays(10));
    Map<String, Map<String, LocalTerms>> plan = new LinkedHashMap<>();
    plan.put("musterstadt", Map.copyOf(musterstadt));
    plan.put("beispielheim", Map.copyOf(beispielheim));
    return Map.copyOf(plan);
  }

  /** True if demo content is switched on for this process. */
  public static boolean enabled() {
    return "true".equals(Settings.text(SWITCH, "").toLowerCase(Locale.ROOT));
  }

  /**
   * Seeds after the schema is ready. Never throws: a failure is logged and retried at the next
   * start, and the portal still becomes ready (demo content is a convenience, not a precondition).
   */
  public void onSchemaReady(@Observes SchemaReady ready) {
    if (!enabled()) {
      return;
    }
    boolean activated = false;
    try {
      // Start-up and retry threads have no request; the caller scope lives in one.
      activated = requestContext.activate();
      caller.set(TenantScope.platform(ACTOR));
      seed();
    } catch (Exception e) {
      LOG.log(
          Level.WARNING, "Demo catalogue not (completely) seeded; the next start tries again", e);
    } finally {
      if (activated) {
        requestContext.deactivate();
      }
    }
  }

  void seed() {
    int added = 0;
    for (String resource : DemoTemplates.RESOURCES) {
      added += steps.addTemplateIfMissing(DemoTemplates.load(resource)) ? 1 : 0;
    }
    int published = 0;
    for (Map.Entry<String, Map<String, LocalTerms>> municipality : PLAN.entrySet()) {
      for (String serviceKey : orderedKeys(municipality.getValue())) {
        published +=
            steps.offerIfMissing(
                    municipality.getKey(), serviceKey, municipality.getValue().get(serviceKey))
                ? 1
                : 0;
      }
    }
    LOG.log(
        Level.INFO,
        "Demo catalogue in place ({0} templates added, {1} services published now)",
        new Object[] {added, published});
  }

  private static List<String> orderedKeys(Map<String, LocalTerms> terms) {
    return terms.keySet().stream().sorted().toList();
  }
}
