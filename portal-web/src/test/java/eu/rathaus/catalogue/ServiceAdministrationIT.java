package eu.rathaus.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.FimSchemas;
import jakarta.inject.Inject;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The municipal admin's service administration against the real database: tenant separation (a
 * Beispielheim admin neither sees nor changes Musterstadt's services), an invalid import stores
 * nothing, and publishing freezes a version. Service keys carry a per-run suffix because the test
 * database survives between runs.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceAdministrationIT {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(ServiceAdministrationIT.class, FimSchemas.class);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ServiceAdministration administration;
  @Inject CallerScope caller;

  private static String suffix() {
    return Long.toString(System.nanoTime(), 36);
  }

  private static boolean notFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NoSuchElementException) {
        return true;
      }
    }
    return false;
  }

  private Set<UUID> ids() {
    return administration.overview().stream()
        .map(ServiceAdministration.Row::id)
        .collect(Collectors.toSet());
  }

  @Test
  void beispielheimAdminCannotSeeOrChangeMusterstadtServices() {
    caller.set(TenantScope.staff(MUSTERSTADT, "it-max.admin"));
    List<ServiceAdministration.Row> musterstadt = administration.overview();
    assertFalse(musterstadt.isEmpty(), "Musterstadt offers the demo services");
    UUID foreign = musterstadt.get(0).id();

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-berta.admin"));
    Set<UUID> own = ids();
    assertFalse(own.isEmpty());
    assertTrue(
        musterstadt.stream().noneMatch(r -> own.contains(r.id())),
        "no Musterstadt service in Beispielheim's list");
    assertTrue(
        notFound(assertThrows(RuntimeException.class, () -> administration.openDraft(foreign))));
    assertTrue(
        notFound(assertThrows(RuntimeException.class, () -> administration.retire(foreign))));
    assertTrue(
        notFound(assertThrows(RuntimeException.class, () -> administration.export(foreign))));
    assertTrue(administration.findDraft(foreign).isEmpty());

    caller.set(TenantScope.staff(MUSTERSTADT, "it-max.admin"));
    ServiceAdministration.Row after =
        administration.overview().stream()
            .filter(r -> r.id().equals(foreign))
            .findFirst()
            .orElseThrow();
    assertEquals(musterstadt.get(0).retired(), after.retired(), "unchanged");
    assertEquals(musterstadt.get(0).draftNumber(), after.draftNumber(), "no draft opened");
  }

  @Test
  void citizensAndAnonymousCallersAreRefused() {
    caller.set(TenantScope.citizen("it-someone"));
    assertThrows(RuntimeException.class, () -> administration.overview());
    caller.set(TenantScope.anonymous());
    assertThrows(RuntimeException.class, () -> administration.overview());
  }

  @Test
  void anInvalidImportStoresNothing() {
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-berta.admin"));
    String key = "it.import-" + suffix();
    Set<UUID> before = ids();
    String invalid =
        """
        {"serviceKey":"%s","category":"Test","title":{"de":"Import","en":"Import"},
         "description":{"de":"Beschreibung","en":"Description"},
         "form":{"formatVersion":1,"steps":[{"key":"one","title":{"de":"Eins","en":"One"},
           "fields":[{"key":"Bad Key","type":"text","label":{"de":"Name","en":"Name"}},
                     {"key":"age","type":"text","label":{"de":"Alter","en":"Age"},"minValue":3}]}],
           "fee":{"type":"fixed","currency":"EUR","amountCents":0},"levelOfAssurance":"LOW","processingDays":5}}
        """
            .formatted(key);
    CatalogueOutcome outcome = administration.importDefinition(invalid);
    assertFalse(outcome.isDone());
    assertTrue(outcome.problems().size() >= 2, "every problem is reported: " + outcome.problems());
    assertEquals(before, ids(), "nothing stored");
    assertTrue(administration.overview().stream().noneMatch(r -> r.serviceKey().equals(key)));

    assertFalse(administration.importDefinition("{not json").isDone());
    assertEquals(before, ids());

    // The same file, corrected, is imported as a new draft; export and import are symmetric.
    CatalogueOutcome ok =
        administration.importDefinition(
            invalid.replace("Bad Key", "name").replace(",\"minValue\":3", ""));
    assertTrue(ok.isDone(), () -> ok.problems().toString());
    String exported = administration.export(ok.id());
    assertTrue(exported.contains("\"serviceKey\" : \"" + key + "\""), exported);
  }

  @Test
  void aFimSchemaBecomesADraftOfTheOwnMunicipalityWhoseExportKeepsTheFimIds() throws Exception {
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-berta.admin"));
    Set<UUID> before = ids();
    String doctype =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
    ServiceAdministration.FimOutcome refused =
        administration.importFim(doctype.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("catalogue.fim.doctype", refused.outcome().problems().get(0).messageKey());
    assertEquals(before, ids(), "nothing stored");

    String schemaId = "S99" + suffix();
    ServiceAdministration.FimOutcome imported =
        administration.importFim(
            FimSchemas.sondernutzung(schemaId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(imported.outcome().isDone(), () -> imported.outcome().problems().toString());
    assertTrue(
        imported.notes().stream().anyMatch(n -> n.target().equals("F99100203")),
        "the hidden field is reported: " + imported.notes());
    ServiceAdministration.Row row =
        administration.overview().stream()
            .filter(r -> r.id().equals(imported.outcome().id()))
            .findFirst()
            .orElseThrow();
    assertEquals("fim." + schemaId, row.serviceKey());
    assertEquals(1, row.draftNumber());

    var exported = JSON.readTree(administration.export(imported.outcome().id()));
    var form = exported.path("form");
    assertEquals(schemaId, form.path("fim").path("schemaId").asText());
    assertEquals("G99100010", form.path("steps").get(0).path("fim").path("id").asText());
    assertEquals(
        "F99100101",
        form.path("steps").get(0).path("fields").get(0).path("fim").path("id").asText());
    assertEquals(
        "02",
        form.path("steps")
            .get(1)
            .path("fields")
            .get(0)
            .path("choices")
            .get(1)
            .path("fimCode")
            .asText());

    // Musterstadt's admin does not see Beispielheim's imported service.
    caller.set(TenantScope.staff(MUSTERSTADT, "it-max.admin"));
    assertFalse(ids().contains(imported.outcome().id()));
  }

  @Test
  void publishingFreezesTheVersion() throws Exception {
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-berta.admin"));
    CatalogueOutcome created =
        administration.createFromScratch(
            "it.frozen-" + suffix(),
            "Test",
            new LocalizedText("Eingefroren", "Frozen"),
            new LocalizedText("Ein Testdienst.", "A test service."));
    assertTrue(created.isDone(), () -> created.problems().toString());
    ServiceAdministration.Draft draft = administration.findDraft(created.id()).orElseThrow();
    assertTrue(administration.publish(draft.versionId()).isDone());
    assertTrue(administration.findDraft(created.id()).isEmpty(), "no open draft after publishing");

    CatalogueOutcome change =
        administration.saveDraft(
            draft.versionId(), draft.formJson().replace("Ihr Anliegen", "Geändert"));
    assertFalse(change.isDone());
    assertEquals("catalogue.service.versionFrozen", change.problems().get(0).messageKey());
    assertFalse(administration.publish(draft.versionId()).isDone(), "publishing twice is refused");

    ServiceAdministration.Draft next = administration.openDraft(created.id());
    assertEquals(2, next.number());
    assertEquals(
        JSON.readTree(draft.formJson()),
        JSON.readTree(next.formJson()),
        "a new draft starts as a copy of the published version");
    assertTrue(
        administration
            .saveDraft(next.versionId(), next.formJson().replace("Ihr Anliegen", "Geändert"))
            .isDone());
    assertTrue(
        administration.export(created.id()).contains("Ihr Anliegen"),
        "export shows the published version, not the draft");
  }

  @Test
  void textsChangeAtOnceAndARetiredServiceIsOfferedAgainOnlyByItsOwnMunicipality() {
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-berta.admin"));
    CatalogueOutcome created =
        administration.createFromScratch(
            "it.texts-" + suffix(),
            "Test",
            new LocalizedText("Alt", "Old"),
            new LocalizedText("Alte Beschreibung.", null));
    assertTrue(created.isDone(), () -> created.problems().toString());
    UUID id = created.id();

    CatalogueOutcome bad =
        administration.describe(
            id, " ", new LocalizedText("", null), new LocalizedText("Neu.", null));
    assertFalse(bad.isDone());
    assertEquals(
        Set.of("category", "titleDe"),
        bad.problems().stream().map(p -> p.target()).collect(Collectors.toSet()));
    assertEquals("Alt", administration.texts(id).title().de(), "nothing changed");

    assertTrue(
        administration
            .describe(
                id,
                "Abfall",
                new LocalizedText("Neu", "New"),
                new LocalizedText("Neue Beschreibung.", "New description."))
            .isDone());
    ServiceAdministration.Texts texts = administration.texts(id);
    assertEquals("Abfall", texts.category());
    assertEquals(new LocalizedText("Neu", "New"), texts.title());
    assertEquals("Neue Beschreibung.", texts.description().de());

    assertTrue(administration.retire(id).isDone());
    caller.set(TenantScope.staff(MUSTERSTADT, "it-max.admin"));
    assertTrue(notFound(assertThrows(RuntimeException.class, () -> administration.reactivate(id))));
    assertTrue(
        notFound(
            assertThrows(
                RuntimeException.class,
                () ->
                    administration.describe(
                        id, "X", new LocalizedText("X", null), new LocalizedText("X", null)))));

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-berta.admin"));
    assertTrue(row(id).retired());
    assertTrue(administration.reactivate(id).isDone());
    assertFalse(row(id).retired());
    assertEquals(
        "Neu", administration.texts(id).title().de(), "the foreign attempt changed nothing");
  }

  private ServiceAdministration.Row row(UUID id) {
    return administration.overview().stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
