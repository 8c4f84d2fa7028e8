package eu.rathaus.registers.residents.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.catalogue.application.DemoCatalogue;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.platform.SchemaReady;
import eu.rathaus.registers.residents.infrastructure.DemoResidentRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Demo residents for local runs and tests (only when {@code RATHAUS_DEMO_DATA=true}, like the demo
 * catalogue): the eID demo citizens — Erika and Max Mustermann in Musterstadt, Max with his
 * household, Luca Basis in Beispielheim — linked to their eID pseudonyms (the fixed user ids of
 * realm {@code eid}), and {@value #GENERATED} generated residents per demo municipality for the
 * back office, every 40th with an Auskunftssperre. Idempotent (fixed and derived ids); a production
 * register is never touched.
 */
@ApplicationScoped
public class DemoResidents {

  static final int GENERATED = 300;

  /** The demo municipalities of V1 (fixed ids in every database). */
  public static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  public static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  /** eID pseudonyms of the demo citizens: "eid." and the user's fixed id in realm eid. */
  public static final String ERIKA_EID = "eid.0e1d0000-0000-4000-8000-000000000001";

  public static final String MAX_EID = "eid.0e1d0000-0000-4000-8000-000000000002";
  public static final String LUCA_EID = "eid.0e1d0000-0000-4000-8000-000000000003";

  public static final UUID ERIKA = UUID.fromString("5e5d0000-0000-4000-8000-000000000001");
  public static final UUID MAX = UUID.fromString("5e5d0000-0000-4000-8000-000000000002");
  static final UUID SABINE = UUID.fromString("5e5d0000-0000-4000-8000-000000000003");
  static final UUID LENA = UUID.fromString("5e5d0000-0000-4000-8000-000000000004");
  static final UUID PAUL = UUID.fromString("5e5d0000-0000-4000-8000-000000000005");
  public static final UUID LUCA = UUID.fromString("5e5d0000-0000-4000-8000-000000000006");

  private static final Logger LOG = Logger.getLogger(DemoResidents.class.getName());

  @Inject Seeder seeder;
  @Inject CallerScope caller;
  @Inject RequestContextController requestContext;

  /** Seeds after the schema is ready; never throws (logged, tried again at the next start). */
  public void onSchemaReady(@Observes SchemaReady ready) {
    if (!DemoCatalogue.enabled()) {
      return;
    }
    boolean activated = false;
    try {
      activated = requestContext.activate();
      caller.set(TenantScope.platform(DemoCatalogue.ACTOR));
      int added = seeder.seed();
      LOG.log(Level.INFO, "Demo residents in place ({0} generated now)", added);
    } catch (Exception e) {
      LOG.log(
          Level.WARNING, "Demo residents not (completely) seeded; the next start tries again", e);
    } finally {
      if (activated) {
        requestContext.deactivate();
      }
    }
  }

  /** The transactional part, in the platform scope the observer set. */
  @ApplicationScoped
  @Transactional
  @TenantScoped
  public static class Seeder {

    @Inject DemoResidentRows rows;
    @Inject AuditLog audit;

    int seed() {
      String musterstadt = "Musterstadt";
      rows.person(ERIKA, MUSTERSTADT, "Erika", "Mustermann", "1964-08-12", "Berlin", ERIKA_EID);
      rows.address(
          ERIKA, MUSTERSTADT, "Heidestraße", "17", "91099", musterstadt, "2011-04-01", null);
      rows.address(
          ERIKA,
          MUSTERSTADT,
          "Karl-Marx-Allee",
          "90",
          "10243",
          "Berlin",
          "1990-10-01",
          "2011-03-31");
      rows.person(MAX, MUSTERSTADT, "Max", "Mustermann", "1980-03-02", "Köln", MAX_EID);
      rows.person(SABINE, MUSTERSTADT, "Sabine", "Mustermann", "1982-11-23", "Erlangen", null);
      rows.person(LENA, MUSTERSTADT, "Lena", "Mustermann", "2015-05-09", musterstadt, null);
      rows.person(PAUL, MUSTERSTADT, "Paul", "Mustermann", "2018-01-30", musterstadt, null);
      for (UUID member : new UUID[] {MAX, SABINE, LENA, PAUL}) {
        rows.address(
            member, MUSTERSTADT, "Lindenweg", "3", "91099", musterstadt, "2019-07-15", null);
      }
      rows.address(
          MAX, MUSTERSTADT, "Gartenstraße", "12", "91099", musterstadt, "2012-02-01", "2019-07-14");
      rows.household(MUSTERSTADT, MAX, SABINE, "SPOUSE");
      rows.household(MUSTERSTADT, SABINE, MAX, "SPOUSE");
      for (UUID child : new UUID[] {LENA, PAUL}) {
        for (UUID parent : new UUID[] {MAX, SABINE}) {
          rows.household(MUSTERSTADT, parent, child, "CHILD");
          rows.household(MUSTERSTADT, child, parent, "PARENT");
        }
      }
      rows.household(MUSTERSTADT, LENA, PAUL, "OTHER");
      rows.household(MUSTERSTADT, PAUL, LENA, "OTHER");
      rows.person(LUCA, BEISPIELHEIM, "Luca", "Basis", "1995-06-15", "Stuttgart", LUCA_EID);
      rows.address(LUCA, BEISPIELHEIM, "Am Bach", "8", "72099", "Beispielheim", "2021-09-01", null);
      int added =
          rows.generated(MUSTERSTADT, "91099", musterstadt, GENERATED)
              + rows.generated(BEISPIELHEIM, "72099", "Beispielheim", GENERATED);
      if (added > 0) {
        audit.record(
            new AuditEvent(
                DemoCatalogue.ACTOR,
                "register.demo.seed",
                "resident",
                null,
                null,
                added + " generated demo residents"));
      }
      return added;
    }
  }
}
