package eu.rathaus.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.audit.application.RecordingAuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.ServiceDefinition;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.catalogue.domain.ServiceTemplate;
import eu.rathaus.catalogue.domain.ServiceTemplateRepository;
import eu.rathaus.catalogue.domain.ServiceVersion;
import eu.rathaus.catalogue.domain.ServiceVersionRepository;
import eu.rathaus.tenancy.application.MunicipalityReadiness;
import eu.rathaus.tenancy.domain.ReadinessItem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The use cases over in-memory repositories: what the service decides, not how JPA stores it. */
class ServiceCatalogueTest {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  private static final String PARKING = "demo.bewohnerparkausweis";

  private final List<AuditEvent> audited = new ArrayList<>();
  private final Map<UUID, ServiceVersion> versionStore = new HashMap<>();

  /** What the municipality still lacks (the readiness list); set up by default. */
  private final Set<ReadinessItem> missing = EnumSet.noneOf(ReadinessItem.class);

  private ServiceCatalogue catalogue;

  @BeforeEach
  void setUp() {
    catalogue = new ServiceCatalogue();
    catalogue.clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    catalogue.templates = new MemoryTemplates();
    catalogue.definitions = new MemoryDefinitions();
    catalogue.versions = new MemoryVersions();
    catalogue.readiness =
        new MunicipalityReadiness() {
          @Override
          public Set<ReadinessItem> missing(UUID municipalityId) {
            return missing.isEmpty()
                ? EnumSet.noneOf(ReadinessItem.class)
                : EnumSet.copyOf(missing);
          }
        };
    catalogue.audit = new RecordingAuditLog(audited);
    for (String resource : DemoTemplates.RESOURCES) {
      assertThat(catalogue.addTemplate(DemoTemplates.load(resource), "paula.plattform").isDone())
          .isTrue();
    }
  }

  private String changedDays(UUID versionId, int days) {
    return versionStore
        .get(versionId)
        .formJson()
        .replaceFirst("\"processingDays\":\\d+", "\"processingDays\":" + days);
  }

  @Test
  void adoptEditPublishAndFindTheCurrentVersion() {
    UUID definitionId = catalogue.adoptTemplate(MUSTERSTADT, PARKING, "moritz.admin").id();
    assertThat(catalogue.currentVersion(MUSTERSTADT, definitionId))
        .as("nothing published yet")
        .isEmpty();

    UUID draftId = catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id();
    assertThat(
            catalogue
                .updateDraft(MUSTERSTADT, draftId, changedDays(draftId, 21), "moritz.admin")
                .isDone())
        .isTrue();
    assertThat(catalogue.publish(MUSTERSTADT, draftId, "moritz.admin").isDone()).isTrue();

    PublishedService current = catalogue.currentVersion(MUSTERSTADT, definitionId).orElseThrow();
    assertThat(current.versionId()).isEqualTo(draftId);
    assertThat(current.versionNumber()).isEqualTo(1);
    assertThat(current.form().processingDays()).isEqualTo(21);
    assertThat(audited)
        .extracting(AuditEvent::action)
        .contains("service.adopted", "service.draft-updated", "service.version-published");
  }

  @Test
  void publishingIsRefusedWithTheReasonWhileTheMunicipalityLacksWhatTheServiceNeeds() {
    UUID definitionId = catalogue.adoptTemplate(MUSTERSTADT, PARKING, "moritz.admin").id();
    UUID draftId = catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id();
    missing.add(ReadinessItem.PAYEE_ACCOUNT);
    missing.add(ReadinessItem.OPENING_HOURS);

    CatalogueOutcome refused = catalogue.publish(MUSTERSTADT, draftId, "moritz.admin");

    assertThat(refused.isDone()).isFalse();
    assertThat(refused.problems())
        .extracting(Problem::messageKey)
        .as("the fee needs a payee account; opening hours do not block")
        .containsExactly("catalogue.publish.missing.PAYEE_ACCOUNT");
    assertThat(catalogue.currentVersion(MUSTERSTADT, definitionId)).isEmpty();

    missing.clear();
    assertThat(catalogue.publish(MUSTERSTADT, draftId, "moritz.admin").isDone()).isTrue();
    assertThat(catalogue.currentVersion(MUSTERSTADT, definitionId)).isPresent();

    // Lost behind the portal's back after publishing: the fee service is no longer offered ...
    missing.add(ReadinessItem.PAYEE_ACCOUNT);
    assertThat(catalogue.currentVersion(MUSTERSTADT, definitionId))
        .as("no dead end for citizens")
        .isEmpty();
    // ... and comes back once the account is there again; what does not block never hides it.
    missing.clear();
    missing.add(ReadinessItem.OPENING_HOURS);
    assertThat(catalogue.currentVersion(MUSTERSTADT, definitionId)).isPresent();
  }

  @Test
  void aNewVersionKeepsTheOldOneForPinnedApplications() {
    UUID definitionId = catalogue.adoptTemplate(MUSTERSTADT, PARKING, "moritz.admin").id();
    UUID first = catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id();
    catalogue.publish(MUSTERSTADT, first, "moritz.admin");

    UUID second = catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id();
    assertThat(second).isNotEqualTo(first);
    assertThat(catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id())
        .as("one open draft")
        .isEqualTo(second);
    catalogue.updateDraft(MUSTERSTADT, second, changedDays(second, 3), "moritz.admin");
    catalogue.publish(MUSTERSTADT, second, "moritz.admin");

    assertThat(catalogue.currentVersion(MUSTERSTADT, definitionId).orElseThrow().versionNumber())
        .isEqualTo(2);
    PublishedService pinned = catalogue.publishedVersion(MUSTERSTADT, first).orElseThrow();
    assertThat(pinned.versionNumber()).isEqualTo(1);
    assertThat(pinned.form().processingDays()).isEqualTo(10);
  }

  @Test
  void aPublishedVersionRefusesEditsAndASecondPublish() {
    UUID definitionId = catalogue.adoptTemplate(MUSTERSTADT, PARKING, "moritz.admin").id();
    UUID first = catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id();
    catalogue.publish(MUSTERSTADT, first, "moritz.admin");
    String frozen = versionStore.get(first).formJson();

    CatalogueOutcome edit =
        catalogue.updateDraft(MUSTERSTADT, first, changedDays(first, 99), "moritz.admin");
    CatalogueOutcome again = catalogue.publish(MUSTERSTADT, first, "moritz.admin");

    assertThat(edit.problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.service.versionFrozen");
    assertThat(again.problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.service.versionFrozen");
    assertThat(versionStore.get(first).formJson()).isEqualTo(frozen);
  }

  @Test
  void anInvalidDraftIsReportedAndNotStored() {
    UUID definitionId = catalogue.adoptTemplate(MUSTERSTADT, PARKING, "moritz.admin").id();
    UUID draftId = catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id();
    String before = versionStore.get(draftId).formJson();

    CatalogueOutcome outcome =
        catalogue.updateDraft(MUSTERSTADT, draftId, "{\"formatVersion\": 1}", "moritz.admin");

    assertThat(outcome.isDone()).isFalse();
    assertThat(outcome.problems())
        .extracting(Problem::messageKey)
        .contains("catalogue.definition.schema");
    assertThat(versionStore.get(draftId).formJson()).isEqualTo(before);
  }

  @Test
  void retiringHidesTheServiceButKeepsPinnedVersionsReadable() {
    UUID definitionId = catalogue.adoptTemplate(MUSTERSTADT, PARKING, "moritz.admin").id();
    UUID first = catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id();
    catalogue.publish(MUSTERSTADT, first, "moritz.admin");

    catalogue.retire(MUSTERSTADT, definitionId, "moritz.admin");

    assertThat(catalogue.currentVersion(MUSTERSTADT, definitionId)).isEmpty();
    assertThat(catalogue.publishedVersion(MUSTERSTADT, first)).isPresent();
    UUID next = catalogue.openDraft(MUSTERSTADT, definitionId, "moritz.admin").id();
    assertThat(catalogue.publish(MUSTERSTADT, next, "moritz.admin").problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.service.retired");
  }

  @Test
  void anotherMunicipalitySeesNothingAndAdoptsItsOwnCopy() {
    UUID musterstadt = catalogue.adoptTemplate(MUSTERSTADT, PARKING, "moritz.admin").id();
    UUID draft = catalogue.openDraft(MUSTERSTADT, musterstadt, "moritz.admin").id();
    catalogue.publish(MUSTERSTADT, draft, "moritz.admin");

    assertThat(catalogue.currentVersion(BEISPIELHEIM, musterstadt)).isEmpty();
    assertThat(catalogue.publishedVersion(BEISPIELHEIM, draft)).isEmpty();
    assertThatThrownBy(() -> catalogue.retire(BEISPIELHEIM, musterstadt, "berta.admin"))
        .isInstanceOf(NoSuchElementException.class);
    assertThat(catalogue.adoptTemplate(BEISPIELHEIM, PARKING, "berta.admin").isDone()).isTrue();
    assertThat(catalogue.adoptTemplate(BEISPIELHEIM, PARKING, "berta.admin").problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.service.keyTaken");
  }

  @Test
  void unknownTemplatesAndDuplicateTemplatesAreRefused() {
    assertThat(catalogue.adoptTemplate(MUSTERSTADT, "demo.nothing", "moritz.admin").problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.service.unknownTemplate");
    assertThat(
            catalogue
                .addTemplate(DemoTemplates.load(DemoTemplates.RESOURCES.get(0)), "paula.plattform")
                .problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.service.keyTaken");
  }

  // --- in-memory repositories ------------------------------------------------------------------

  private static final class MemoryTemplates implements ServiceTemplateRepository {
    private final Map<String, ServiceTemplate> byKey = new HashMap<>();

    @Override
    public Optional<ServiceTemplate> findByServiceKey(String serviceKey) {
      return Optional.ofNullable(byKey.get(serviceKey));
    }

    @Override
    public List<ServiceTemplate> findAll() {
      return List.copyOf(byKey.values());
    }

    @Override
    public void add(ServiceTemplate template) {
      byKey.put(template.serviceKey(), template);
    }
  }

  private static final class MemoryDefinitions implements ServiceDefinitionRepository {
    private final Map<UUID, ServiceDefinition> byId = new HashMap<>();

    @Override
    public Optional<ServiceDefinition> find(UUID municipalityId, UUID definitionId) {
      return Optional.ofNullable(byId.get(definitionId))
          .filter(d -> d.municipalityId().equals(municipalityId));
    }

    @Override
    public Optional<ServiceDefinition> findByServiceKey(UUID municipalityId, String serviceKey) {
      return byId.values().stream()
          .filter(
              d -> d.municipalityId().equals(municipalityId) && d.serviceKey().equals(serviceKey))
          .findFirst();
    }

    @Override
    public List<ServiceDefinition> findAll(UUID municipalityId) {
      return byId.values().stream().filter(d -> d.municipalityId().equals(municipalityId)).toList();
    }

    @Override
    public void add(ServiceDefinition definition) {
      byId.put(definition.id(), definition);
    }
  }

  private final class MemoryVersions implements ServiceVersionRepository {
    @Override
    public Optional<ServiceVersion> find(UUID municipalityId, UUID versionId) {
      return Optional.ofNullable(versionStore.get(versionId))
          .filter(v -> v.municipalityId().equals(municipalityId));
    }

    @Override
    public Optional<ServiceVersion> findDraft(UUID municipalityId, UUID definitionId) {
      return findAll(municipalityId, definitionId).stream()
          .filter(v -> !v.isPublished())
          .findFirst();
    }

    @Override
    public int highestNumber(UUID municipalityId, UUID definitionId) {
      return findAll(municipalityId, definitionId).stream()
          .mapToInt(ServiceVersion::number)
          .max()
          .orElse(0);
    }

    @Override
    public List<ServiceVersion> findAll(UUID municipalityId, UUID definitionId) {
      return versionStore.values().stream()
          .filter(
              v ->
                  v.municipalityId().equals(municipalityId)
                      && v.definitionId().equals(definitionId))
          .sorted(Comparator.comparingInt(ServiceVersion::number))
          .toList();
    }

    @Override
    public void add(ServiceVersion version) {
      versionStore.put(version.id(), version);
    }
  }
}
