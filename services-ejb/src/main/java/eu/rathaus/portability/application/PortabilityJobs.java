package eu.rathaus.portability.application;

import eu.rathaus.attachments.domain.KeyProvider;
import eu.rathaus.identity.admin.OrganizationDescription;
import eu.rathaus.identity.admin.OrganizationDirectory;
import eu.rathaus.portability.domain.PortabilityRefusal;
import eu.rathaus.portability.infrastructure.MunicipalityErasure;
import eu.rathaus.portability.infrastructure.MunicipalityExport;
import eu.rathaus.portability.infrastructure.MunicipalityImport;
import eu.rathaus.portability.infrastructure.PortabilityEnvironment;
import eu.rathaus.portability.infrastructure.PortabilityKeys;
import eu.rathaus.tenancy.application.PlatformOnly;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The platform admin's page for leaving with a municipality's data (issue 15): export, import and
 * erasure as background jobs on the server's managed executor, with a row each in {@code
 * portability_job} (progress, result) and every step audited in the platform's chain. The work
 * itself is the CLI's ({@code ./rathaus export-municipality} …): {@link MunicipalityExport}, {@link
 * MunicipalityImport} and {@link MunicipalityErasure}, nothing duplicated here. Users are not
 * blocked: the export reads one snapshot; the import writes in one transaction of its own (all or
 * nothing).
 *
 * <p>Every node may die: the node running a job reports a heartbeat ({@link
 * PortabilityJob#HEARTBEAT}, on the managed scheduler, and with each table), so a job whose node
 * stopped shows as interrupted after {@link PortabilityJob#STALE} and the platform admin may {@link
 * #restart} it — on this node, from the start, which is safe for all three kinds: the export writes
 * a new archive, the import and the erasure each commit in one transaction, so a dead node left
 * nothing half done.
 */
@ApplicationScoped
public class PortabilityJobs {

  private static final Logger LOG = Logger.getLogger(PortabilityJobs.class.getName());
  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final int MAX_KEY_BYTES = 64 * 1024;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject PortabilityJobRecords records;
  @Inject KeyProvider master;
  @Inject OrganizationDirectory organizations;

  PortabilityEnvironment environment = PortabilityEnvironment.fromSettings();

  /** This server's name in the job rows (WildFly's node name, unique in a cluster). */
  final String node = System.getProperty("jboss.node.name", "unknown");

  /** What keeps jobs from running on this server (German / English), if anything. */
  @PlatformOnly
  public Optional<String> notReady() {
    return environment.missing();
  }

  /** This installation's public portability keys, for the other installation (JWK Set). */
  @PlatformOnly
  public String publicKeys() {
    try {
      return environment.ownKeys().publicJson();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest jobs first. */
  @PlatformOnly
  public List<PortabilityJob> recent() {
    return records.recent(50);
  }

  @PlatformOnly
  public Optional<PortabilityJob> job(UUID id) {
    return records.find(id);
  }

  /**
   * Starts exporting {@code slug}, encrypted for the installation whose public keys are {@code
   * targetPublicKeys}. Refused at once (nothing queued) when the keys are no keys.
   */
  @PlatformOnly
  public UUID startExport(String slug, byte[] targetPublicKeys, String actor) {
    requireReady();
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new PortabilityRefusal("Unbekannte Kommune / unknown municipality");
    }
    PortabilityKeys target = keys(targetPublicKeys, "Zielinstallation / target installation");
    String file = UUID.randomUUID() + ".rathaus-export";
    UUID id =
        records.create(
            PortabilityJob.Kind.EXPORT, slug, file, null, target.publicJson(), node, actor);
    executor.execute(() -> runExport(id, slug, target, file, actor));
    return id;
  }

  /**
   * Starts importing the uploaded archive signed by the installation whose public keys are {@code
   * sourcePublicKeys}. The upload is stored first; the job refuses (and writes nothing) when the
   * signature, the keys or the archive do not fit.
   */
  @PlatformOnly
  public UUID startImport(InputStream archive, byte[] sourcePublicKeys, String actor) {
    requireReady();
    PortabilityKeys source = keys(sourcePublicKeys, "Quellinstallation / source installation");
    String file = "import-" + UUID.randomUUID() + ".rathaus-export";
    try {
      Files.copy(
          archive, environment.archives().resolve(file), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    UUID id =
        records.create(
            PortabilityJob.Kind.IMPORT, null, file, null, source.publicJson(), node, actor);
    executor.execute(() -> runImport(id, source, file, actor));
    return id;
  }

  /**
   * Starts erasing the municipality of a finished export, which must still be what that export
   * holds ({@link MunicipalityErasure}: suspended, slug repeated, nothing changed since).
   */
  @PlatformOnly
  public UUID startErasure(UUID exportJob, String confirmation, String actor) {
    requireReady();
    PortabilityJob export =
        job(
            exportJob,
            PortabilityJob::isDownloadable,
            "Löschen nur nach einem fertigen Export / erasure only after a finished export");
    if (!export.slug().equals(confirmation == null ? "" : confirmation.strip())) {
      throw new PortabilityRefusal(
          "Zur Bestätigung den Kurznamen der Kommune wiederholen ("
              + export.slug()
              + ") / repeat the municipality's slug to confirm");
    }
    String file = records.archiveFile(exportJob).orElseThrow();
    UUID id =
        records.create(
            PortabilityJob.Kind.ERASE, export.slug(), null, exportJob, null, node, actor);
    executor.execute(() -> runErasure(id, export.slug(), file, actor));
    return id;
  }

  /**
   * Starts an interrupted job again, from the start, on this node (the same row: its progress and
   * result are reset, the restart is audited). Refused when the job is not interrupted, when it was
   * started before its keys were kept (V80), or when an import's upload or an erasure's export
   * archive is not on this node.
   */
  @PlatformOnly
  public void restart(UUID id, String actor) {
    requireReady();
    PortabilityJob job =
        job(
            id,
            PortabilityJob::isInterrupted,
            "Nur ein abgebrochener Auftrag kann neu gestartet werden / only an interrupted job"
                + " can be started again");
    Runnable work =
        switch (job.kind()) {
          case EXPORT -> {
            PortabilityKeys target = keptKeys(id);
            String file = records.archiveFile(id).orElseThrow();
            yield () -> runExport(id, job.slug(), target, file, actor);
          }
          case IMPORT -> {
            PortabilityKeys source = keptKeys(id);
            String file = onThisNode(records.archiveFile(id));
            yield () -> runImport(id, source, file, actor);
          }
          case ERASE -> {
            String file = onThisNode(records.archiveFile(job.exportJob()));
            yield () -> runErasure(id, job.slug(), file, actor);
          }
        };
    if (!records.restart(id, node, actor)) {
      throw new PortabilityRefusal(
          "Der Auftrag wurde schon neu gestartet / the job was already started again");
    }
    executor.execute(work);
  }

  /** The job {@code id} if it is {@code fit}; otherwise refused with {@code refusal}. */
  private PortabilityJob job(UUID id, Predicate<PortabilityJob> fit, String refusal) {
    return records.find(id).filter(fit).orElseThrow(() -> new PortabilityRefusal(refusal));
  }

  private PortabilityKeys keptKeys(UUID id) {
    return records
        .peerKeys(id)
        .map(k -> PortabilityKeys.parse(k).publicKeys())
        .orElseThrow(
            () ->
                new PortabilityRefusal(
                    "Zu diesem Auftrag sind keine Schlüssel gespeichert; bitte neu beauftragen / no"
                        + " keys were kept for this job; please start a new one"));
  }

  /** The archive file, if it is in this node's portability directory. */
  private String onThisNode(Optional<String> file) {
    try {
      if (file.isPresent() && Files.isRegularFile(environment.archives().resolve(file.get()))) {
        return file.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new PortabilityRefusal(
        "Das Archiv des Auftrags liegt nicht auf diesem Server; bitte neu hochladen bzw. neu"
            + " exportieren / the job's archive is not on this server; upload or export it again");
  }

  /** The archive of a finished export, for download by the platform admin; audited. */
  @PlatformOnly
  public Optional<Path> archive(UUID exportJob, String actor) {
    Optional<PortabilityJob> job = records.find(exportJob).filter(PortabilityJob::isDownloadable);
    if (job.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path file = environment.archives().resolve(records.archiveFile(exportJob).orElseThrow());
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      records.downloaded(exportJob, actor);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void runExport(UUID id, String slug, PortabilityKeys target, String file, String actor) {
    run(
        id,
        actor,
        () -> {
          Path archive = environment.archives().resolve(file);
          // The municipality's Keycloak organization travels along, without secrets (format 2).
          Map<String, Object> organization = null;
          String organizationNote;
          try {
            organization =
                organizations
                    .describeOrganization(slug)
                    .map(OrganizationDescription::asMap)
                    .orElse(null);
            organizationNote =
                organization == null
                    ? "; keine Keycloak-Organisation gefunden / no Keycloak organization found"
                    : "; mit Keycloak-Organisation, ohne Geheimnisse / with the Keycloak"
                        + " organization, without secrets";
          } catch (OrganizationDirectory.DirectoryException e) {
            organizationNote =
                "; ohne Keycloak-Organisation (nicht erreichbar / unreachable: "
                    + e.getMessage()
                    + ")";
          }
          MunicipalityExport.Report report;
          try (Connection c = environment.connect()) {
            report =
                MunicipalityExport.exportToFile(
                    c,
                    new MunicipalityExport.Request(
                        slug,
                        master,
                        environment.ownKeys(),
                        target,
                        (done, total) -> records.progress(id, done, total),
                        organization),
                    archive);
          }
          long rows = report.tables().values().stream().mapToLong(t -> t.rows()).sum();
          return new Outcome(
              slug,
              report.tables().size()
                  + " Tabellen, "
                  + rows
                  + " Zeilen exportiert / tables, rows exported"
                  + organizationNote,
              sha256(archive));
        });
  }

  private void runImport(UUID id, PortabilityKeys source, String file, String actor) {
    Path archive;
    try {
      archive = environment.archives().resolve(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      run(
          id,
          actor,
          () -> {
            String sha = sha256(archive);
            MunicipalityImport.Report report;
            try (Connection c = environment.connect()) {
              report =
                  MunicipalityImport.importArchive(
                      c, archive, master, environment.ownKeys(), source);
            }
            long rows = report.rows().values().stream().mapToLong(Long::longValue).sum();
            String organization =
                report
                    .organizationDescription()
                    .map(d -> organization(report.municipality(), d))
                    .orElse(
                        "; das Archiv enthält keine Keycloak-Organisation (Format 1) – die Kommune"
                            + " dort anlegen / the archive has no Keycloak organization (format 1)");
            return new Outcome(
                report.slug(),
                rows
                    + " Zeilen importiert, gleiche Anzahlen und Inhalts-Hashes, Audit-Kette intakt ("
                    + report.auditEntriesVerified()
                    + ") / rows imported, same counts and content hashes, audit chain intact"
                    + organization,
                sha);
          });
    } finally {
      // The upload served its purpose; the import's rows are the record.
      try {
        Files.deleteIfExists(archive);
        records.archiveRemoved(id);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "portability upload not removed: " + archive, e);
      }
    }
  }

  /**
   * Creates or updates the imported municipality's Keycloak organization as exported and points the
   * municipality at it; says which identity providers need their secrets entered again (they stay
   * switched off until then). A Keycloak failure leaves the imported rows as they are and says so.
   */
  private String organization(UUID municipality, Map<String, Object> exported) {
    OrganizationDescription description = OrganizationDescription.fromMap(exported);
    try {
      String id = organizations.applyOrganization(description);
      try (Connection c = environment.connect();
          PreparedStatement p =
              c.prepareStatement("update municipality set organization_id = ? where id = ?")) {
        p.setString(1, id);
        p.setObject(2, municipality);
        p.executeUpdate();
      }
      List<String> providers =
          description.identityProviders().stream().map(i -> i.alias()).toList();
      return "; Keycloak-Organisation „"
          + description.alias()
          + "“ angelegt bzw. aktualisiert / Keycloak organization created or updated"
          + (providers.isEmpty()
              ? ""
              : "; Geheimnisse der Identitätsanbieter neu eingeben (bis dahin ausgeschaltet) / re-enter"
                  + " the identity providers' secrets (switched off until then): "
                  + String.join(", ", providers));
    } catch (OrganizationDirectory.DirectoryException | java.sql.SQLException e) {
      return "; Keycloak-Organisation NICHT angelegt / Keycloak organization NOT created: "
          + e.getMessage();
    }
  }

  private void runErasure(UUID id, String slug, String file, String actor) {
    run(
        id,
        actor,
        () -> {
          MunicipalityErasure.Report report;
          try (Connection c = environment.connect()) {
            report =
                MunicipalityErasure.erase(
                    c,
                    slug,
                    slug,
                    environment.archives().resolve(file),
                    environment.ownKeys(),
                    actor);
          }
          long rows = report.deleted().values().stream().mapToLong(Long::longValue).sum();
          return new Outcome(slug, rows + " Zeilen gelöscht / rows erased", null);
        });
  }

  private record Outcome(String slug, String result, String sha256) {}

  @FunctionalInterface
  private interface Work {
    Outcome run() throws Exception;
  }

  /** Runs a job's work and records how it ended; a refusal's message is the result. */
  private void run(UUID id, String actor, Work work) {
    ScheduledFuture<?> heartbeat = null;
    try {
      records.running(id, node);
      long period = PortabilityJob.HEARTBEAT.toSeconds();
      heartbeat =
          scheduler.scheduleAtFixedRate(
              () -> beat(id), period, period, java.util.concurrent.TimeUnit.SECONDS);
      Outcome outcome = work.run();
      records.finished(id, true, outcome.slug(), outcome.result(), outcome.sha256(), actor);
    } catch (PortabilityRefusal e) {
      records.finished(id, false, null, "Abgelehnt / refused: " + e.getMessage(), null, actor);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "portability job " + id + " failed", e);
      records.finished(
          id,
          false,
          null,
          "Fehlgeschlagen / failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          null,
          actor);
    } finally {
      if (heartbeat != null) {
        heartbeat.cancel(false);
      }
    }
  }

  /** One heartbeat; a failed one is only logged (the next one may get through). */
  private void beat(UUID id) {
    try {
      records.heartbeat(id, node);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "portability job heartbeat not written: " + id, e);
    }
  }

  private void requireReady() {
    environment
        .missing()
        .ifPresent(
            m -> {
              throw new PortabilityRefusal(m);
            });
  }

  private static PortabilityKeys keys(byte[] upload, String whose) {
    if (upload == null || upload.length == 0) {
      throw new PortabilityRefusal(
          "Öffentlicher Schlüssel der " + whose.split(" / ")[0] + " fehlt / public key missing");
    }
    if (upload.length > MAX_KEY_BYTES) {
      throw new PortabilityRefusal(
          "Kein gültiger Portabilitätsschlüssel (JWK Set) / no valid portability key (JWK set)");
    }
    return PortabilityKeys.parse(new String(upload, StandardCharsets.UTF_8)).publicKeys();
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
