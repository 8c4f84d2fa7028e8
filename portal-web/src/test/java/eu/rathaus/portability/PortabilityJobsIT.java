package eu.rathaus.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.identity.admin.AdminSettings;
import eu.rathaus.identity.admin.OrganizationDescription;
import eu.rathaus.identity.admin.OrganizationDirectory;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.portability.application.PortabilityJob;
import eu.rathaus.portability.application.PortabilityJobs;
import eu.rathaus.portability.domain.PortabilityRefusal;
import eu.rathaus.portability.infrastructure.PortabilityKeys;
import eu.rathaus.tenancy.application.CallerNotPermitted;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The platform admin's portability jobs (issue 15) in the running portal: an export runs in the
 * background with its progress and result recorded, its archive is for the platform only and every
 * step is audited; imports with a wrong signature, a foreign archive or a second copy fail with a
 * clear result and write nothing; erasure needs the slug repeated and then removes the municipality
 * the export holds. The work is the CLI's (PortabilityIT proves its content end to end).
 */
@ExtendWith(ArquillianExtension.class)
class PortabilityJobsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(PortabilityJobsIT.class);
  }

  @Inject PortabilityJobs jobs;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;
  @Inject OrganizationDirectory organizations;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  @Test
  void exportRunsInTheBackgroundAndOnlyAVerifiedExportErases() throws Exception {
    String slug = municipality();
    caller.set(TenantScope.platform("it-portability-admin"));
    assertEquals(java.util.Optional.empty(), jobs.notReady());
    byte[] ownPublic = jobs.publicKeys().getBytes(StandardCharsets.UTF_8);
    assertFalse(jobs.publicKeys().contains("\"d\""), "no private parameter");

    UUID export = jobs.startExport(slug, ownPublic, "it-portability-admin");
    PortabilityJob done = awaitEnd(export);
    assertEquals(PortabilityJob.Status.DONE, done.status(), done.result());
    assertTrue(done.tablesTotal() > 10, "tables in the plan: " + done.tablesTotal());
    assertEquals(done.tablesTotal(), done.tablesDone());
    assertTrue(done.result().contains("Tabellen"), done.result());
    assertTrue(done.isDownloadable());
    Path archive = jobs.archive(export, "it-portability-admin").orElseThrow();
    assertTrue(Files.size(archive) > 1000);

    // A second copy of the municipality, a foreign signature, no archive at all: refused, nothing
    // written (the job says why).
    long municipalities = count("select count(*) from municipality");
    try (InputStream in = Files.newInputStream(archive)) {
      String again = awaitEnd(jobs.startImport(in, ownPublic, "it")).result();
      assertTrue(again.startsWith("Abgelehnt") && again.contains("schon eine Kommune"), again);
    }
    byte[] mallory =
        PortabilityKeys.generate().publicKeys().publicJson().getBytes(StandardCharsets.UTF_8);
    try (InputStream in = Files.newInputStream(archive)) {
      String foreign = awaitEnd(jobs.startImport(in, mallory, "it")).result();
      assertTrue(foreign.contains("Signatur"), foreign);
    }
    PortabilityJob garbage =
        awaitEnd(
            jobs.startImport(
                new ByteArrayInputStream("kein Archiv".getBytes(StandardCharsets.UTF_8)),
                ownPublic,
                "it"));
    assertEquals(PortabilityJob.Status.FAILED, garbage.status());
    assertTrue(garbage.result().contains("Kein Rathaus-Exportarchiv"), garbage.result());
    assertEquals(municipalities, count("select count(*) from municipality"));
    PortabilityRefusal noKey =
        assertThrows(
            PortabilityRefusal.class,
            () -> jobs.startExport(slug, "{}".getBytes(StandardCharsets.UTF_8), "it"));
    assertTrue(noKey.getMessage().contains("Portabilitätsschlüssel"), noKey.getMessage());

    // Only the platform: a municipality's staff neither lists jobs nor gets an archive.
    caller.set(TenantScope.staff(UUID.randomUUID(), "it-clerk"));
    assertThrows(CallerNotPermitted.class, () -> jobs.recent());
    assertThrows(CallerNotPermitted.class, () -> jobs.archive(export, "it-clerk"));
    caller.set(TenantScope.platform("it-portability-admin"));

    // Erasure: the slug repeated, then the municipality the archive holds is gone.
    PortabilityRefusal unconfirmed =
        assertThrows(
            PortabilityRefusal.class, () -> jobs.startErasure(export, "musterstadt", "it"));
    assertTrue(unconfirmed.getMessage().contains(slug), unconfirmed.getMessage());
    PortabilityJob erased = awaitEnd(jobs.startErasure(export, slug, "it-portability-admin"));
    assertEquals(PortabilityJob.Status.DONE, erased.status(), erased.result());
    assertEquals(0L, count("select count(*) from municipality where slug = '" + slug + "'"));

    // Every step is in the platform's audit chain.
    List<String> actions =
        transactions.call(
            TenantScope.platform("it"),
            () ->
                em
                    .createNativeQuery(
                        "select action from audit_entry where chain = 'platform' and subject_id in (?1, ?2)"
                            + " order by seq")
                    .setParameter(1, export.toString())
                    .setParameter(2, erased.id().toString())
                    .getResultList()
                    .stream()
                    .map(String::valueOf)
                    .toList());
    assertTrue(
        actions.containsAll(
            List.of(
                "portability.export.requested",
                "portability.export.done",
                "portability.export.downloaded",
                "portability.erase.requested",
                "portability.erase.done")),
        actions::toString);
  }

  /**
   * The municipality's Keycloak organization moves along (archive format 2), against the test
   * stack's Keycloak: exported with its domain and its brokered directory (with the four role
   * mappers) but without the client secret; after the municipality was erased and its organization
   * deleted, the import creates the organization again, links the directory switched off and
   * without a secret, says that the secret must be entered again, and points the municipality at
   * the new organization.
   */
  @Test
  void theKeycloakOrganizationMovesAlongWithoutItsSecrets() throws Exception {
    String slug = municipality();
    caller.set(TenantScope.platform("it-portability-admin"));
    byte[] ownPublic = jobs.publicKeys().getBytes(StandardCharsets.UTF_8);
    String domain = slug + ".example";
    String directory = slug + "-verzeichnis";
    String organization = organizations.ensureOrganization(slug, "Umzugsgemeinde " + slug, domain);
    organizations.ensureIdentityProvider(
        organization,
        directory,
        "http://localhost:18180/realms/musterstadt-verzeichnis/.well-known/openid-configuration",
        "rathaus-umzug",
        "geheim-" + slug,
        domain);

    UUID export = jobs.startExport(slug, ownPublic, "it-portability-admin");
    PortabilityJob exported = awaitEnd(export);
    assertEquals(PortabilityJob.Status.DONE, exported.status(), exported.result());
    assertTrue(
        exported.result().contains("mit Keycloak-Organisation, ohne Geheimnisse"),
        exported.result());

    // The municipality leaves: erased here, its organization and directory deleted in Keycloak.
    PortabilityJob erased = awaitEnd(jobs.startErasure(export, slug, "it-portability-admin"));
    assertEquals(PortabilityJob.Status.DONE, erased.status(), erased.result());
    try (Keycloak keycloak = AdminSettings.fromEnvironment().adminClient()) {
      RealmResource realm = keycloak.realm(AdminSettings.fromEnvironment().realm());
      try (Response r = realm.organizations().get(organization).delete()) {
        assertTrue(r.getStatus() < 300, "delete organization: " + r.getStatus());
      }
      realm.identityProviders().get(directory).remove();
    }
    assertTrue(organizations.findOrganization(slug).isEmpty());

    // ... and arrives again from the archive.
    PortabilityJob imported;
    try (InputStream in =
        Files.newInputStream(jobs.archive(export, "it-portability-admin").orElseThrow())) {
      imported = awaitEnd(jobs.startImport(in, ownPublic, "it-portability-admin"));
    }
    assertEquals(PortabilityJob.Status.DONE, imported.status(), imported.result());
    assertTrue(
        imported.result().contains("Keycloak-Organisation „" + slug + "“ angelegt")
            && imported.result().contains("Geheimnisse der Identitätsanbieter neu eingeben")
            && imported.result().contains(directory),
        imported.result());
    String moved = organizations.findOrganization(slug).orElseThrow();
    assertFalse(moved.equals(organization), "a new organization");
    OrganizationDescription arrived = organizations.describeOrganization(slug).orElseThrow();
    assertEquals("Umzugsgemeinde " + slug, arrived.name());
    assertEquals(List.of(new OrganizationDescription.Domain(domain, true)), arrived.domains());
    assertEquals(1, arrived.identityProviders().size());
    OrganizationDescription.IdentityProvider linked = arrived.identityProviders().get(0);
    assertEquals(directory, linked.alias());
    assertFalse(linked.enabled(), "off until the secret is entered again");
    assertEquals("rathaus-umzug", linked.config().get("clientId"));
    assertEquals(4, linked.mappers().size());
    try (Keycloak keycloak = AdminSettings.fromEnvironment().adminClient()) {
      var config =
          keycloak
              .realm(AdminSettings.fromEnvironment().realm())
              .identityProviders()
              .get(directory)
              .toRepresentation()
              .getConfig();
      assertEquals(null, config.get("clientSecret"), "no secret travelled");
    }
    assertEquals(
        1L,
        count(
            "select count(*) from municipality where slug = '"
                + slug
                + "' and organization_id = '"
                + moved
                + "'"));
  }

  /**
   * V80: a running export whose node stopped reporting two minutes ago (planted: another node's
   * name, an old heartbeat) is shown as interrupted, not running; a job whose node still reports is
   * not, and cannot be started again. The platform admin starts the interrupted one again: it runs
   * here, from the start, to a whole archive, and a second restart is refused.
   */
  @Test
  void aJobWhoseNodeStoppedIsInterruptedAndStartsAgain() throws Exception {
    String slug = municipality();
    caller.set(TenantScope.platform("it-portability-admin"));
    String keys = jobs.publicKeys();
    UUID stale = plantRunningExport(slug, keys, "5 minutes");
    UUID alive = plantRunningExport(slug, keys, "20 seconds");

    PortabilityJob interrupted = jobs.job(stale).orElseThrow();
    assertTrue(interrupted.isInterrupted());
    assertFalse(interrupted.isRunning(), "no longer counted as running");
    assertEquals("INTERRUPTED", interrupted.getStatus());
    assertEquals("it-dead-node", interrupted.node());
    PortabilityJob beating = jobs.job(alive).orElseThrow();
    assertFalse(beating.isInterrupted());
    assertTrue(beating.isRunning());
    assertEquals("RUNNING", beating.getStatus());
    PortabilityRefusal notInterrupted =
        assertThrows(PortabilityRefusal.class, () -> jobs.restart(alive, "it-portability-admin"));
    assertTrue(notInterrupted.getMessage().contains("abgebrochen"), notInterrupted.getMessage());

    jobs.restart(stale, "it-portability-admin");
    PortabilityJob again = awaitEnd(stale);
    assertEquals(PortabilityJob.Status.DONE, again.status(), again.result());
    assertFalse(again.isInterrupted());
    assertEquals(again.tablesTotal(), again.tablesDone());
    assertTrue(again.isDownloadable());
    assertTrue(Files.size(jobs.archive(stale, "it-portability-admin").orElseThrow()) > 1000);
    assertEquals(System.getProperty("jboss.node.name", "unknown"), again.node());
    assertThrows(PortabilityRefusal.class, () -> jobs.restart(stale, "it-portability-admin"));
    assertEquals(
        1L,
        count(
            "select count(*) from audit_entry where action = 'portability.export.restarted'"
                + " and subject_id = '"
                + stale
                + "'"));

    // Only the platform restarts.
    caller.set(TenantScope.staff(UUID.randomUUID(), "it-clerk"));
    assertThrows(CallerNotPermitted.class, () -> jobs.restart(stale, "it-clerk"));
  }

  /** A running export as a node leaves it whose last heartbeat was {@code silentFor} ago. */
  private UUID plantRunningExport(String slug, String keys, String silentFor) throws Exception {
    UUID id = UUID.randomUUID();
    transactions.asPlatform(
        () ->
            em.createNativeQuery(
                    "insert into portability_job (id, kind, slug, status, tables_done, tables_total,"
                        + " archive_file, requested_by, requested_at, node, heartbeat_at, peer_keys)"
                        + " values (?1, 'EXPORT', ?2, 'RUNNING', 3, 60, ?3, 'it', now() - interval"
                        + " '10 minutes', 'it-dead-node', now() - cast(?4 as interval), ?5)")
                .setParameter(1, id)
                .setParameter(2, slug)
                .setParameter(3, UUID.randomUUID() + ".rathaus-export")
                .setParameter(4, silentFor)
                .setParameter(5, keys)
                .executeUpdate());
    return id;
  }

  private PortabilityJob awaitEnd(UUID id) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(until)) {
      PortabilityJob job = jobs.job(id).orElseThrow();
      if (!job.isRunning()) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + id + " did not end in 3 minutes");
  }

  private long count(String sql) throws Exception {
    return ((Number)
            transactions.call(
                TenantScope.platform("it"), () -> em.createNativeQuery(sql).getSingleResult()))
        .longValue();
  }

  /** A suspended municipality of its own with one text block. */
  private String municipality() throws Exception {
    UUID id = UUID.randomUUID();
    String slug = "it-jobs-" + id.toString().substring(0, 8);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String code =
        ""
            + (char) ('A' + random.nextInt(26))
            + (char) ('A' + random.nextInt(26))
            + (char) ('A' + random.nextInt(26));
    transactions.asPlatform(
        () -> {
          em.createNativeQuery(
                  "insert into municipality (id, slug, name, ags, state, status, reference_code)"
                      + " values (?1, ?2, ?3, ?4, 'Bayern', 'SUSPENDED', ?5)")
              .setParameter(1, id)
              .setParameter(2, slug)
              .setParameter(3, "Umzugsgemeinde " + code)
              .setParameter(4, String.format("%08d", random.nextInt(100_000_000)))
              .setParameter(5, code)
              .executeUpdate();
          em.createNativeQuery(
                  "insert into decision_text_block (id, municipality_id, kind, title, body)"
                      + " values (?1, ?2, 'APPROVAL', 'Zusage', 'Wird bewilligt.')")
              .setParameter(1, UUID.randomUUID())
              .setParameter(2, id)
              .executeUpdate();
        });
    return slug;
  }
}
