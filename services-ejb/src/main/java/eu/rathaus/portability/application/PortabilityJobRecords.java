package eu.rathaus.portability.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.SqlValues;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of {@code portability_job} (V75), each change in a short transaction of its own in the
 * platform's scope: the background job reports progress while it runs, and the page reads it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PortabilityJobRecords {

  private static final String COLUMNS =
      "id, kind, slug, status, tables_done, tables_total, result, archive_file is not null,"
          + " export_job, requested_by, requested_at, finished_at";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope scope;
  @Inject AuditLog audit;

  /** A new queued job, audited as requested. */
  public UUID create(
      PortabilityJob.Kind kind, String slug, String archiveFile, UUID exportJob, String actor) {
    platform();
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "insert into portability_job (id, kind, slug, status, archive_file, export_job,"
                + " requested_by, requested_at) values (?1, ?2, ?3, 'QUEUED', ?4, cast(?5 as uuid), ?6, ?7)")
        .setParameter(1, id)
        .setParameter(2, kind.name())
        .setParameter(3, slug)
        .setParameter(4, archiveFile)
        .setParameter(5, exportJob == null ? null : exportJob.toString())
        .setParameter(6, actor)
        .setParameter(7, Timestamp.from(Instant.now()))
        .executeUpdate();
    audit(actor, "portability." + kind.name().toLowerCase() + ".requested", id, slug);
    return id;
  }

  public void running(UUID id) {
    platform();
    em.createNativeQuery("update portability_job set status = 'RUNNING' where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  public void progress(UUID id, int done, int total) {
    platform();
    em.createNativeQuery(
            "update portability_job set tables_done = ?2, tables_total = ?3 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, done)
        .setParameter(3, total)
        .executeUpdate();
  }

  /** The job ended; audited in the platform's chain with its outcome. */
  public void finished(
      UUID id, boolean done, String slug, String result, String archiveSha256, String actor) {
    platform();
    em.createNativeQuery(
            "update portability_job set status = ?2, slug = coalesce(?3, slug), result = ?4,"
                + " archive_sha256 = ?5, finished_at = ?6 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, done ? "DONE" : "FAILED")
        .setParameter(3, slug)
        .setParameter(4, result)
        .setParameter(5, archiveSha256)
        .setParameter(6, Timestamp.from(Instant.now()))
        .executeUpdate();
    PortabilityJob job = find(id).orElseThrow();
    audit(
        actor,
        "portability." + job.kind().name().toLowerCase() + (done ? ".done" : ".failed"),
        id,
        job.slug() + (result == null ? "" : ": " + result));
  }

  /** The archive file is gone (an import's upload is removed after the job). */
  public void archiveRemoved(UUID id) {
    platform();
    em.createNativeQuery("update portability_job set archive_file = null where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** The file name of the job's archive, if it is kept. */
  public Optional<String> archiveFile(UUID id) {
    platform();
    List<?> files =
        em.createNativeQuery("select archive_file from portability_job where id = ?1")
            .setParameter(1, id)
            .getResultList();
    return files.isEmpty() ? Optional.empty() : Optional.ofNullable((String) files.get(0));
  }

  /** Audited: the platform admin took a copy of an archive. */
  public void downloaded(UUID id, String actor) {
    platform();
    audit(
        actor, "portability.export.downloaded", id, find(id).map(PortabilityJob::slug).orElse(""));
  }

  public Optional<PortabilityJob> find(UUID id) {
    platform();
    List<?> rows =
        em.createNativeQuery("select " + COLUMNS + " from portability_job where id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(r -> job((Object[]) r));
  }

  /** The newest jobs first. */
  public List<PortabilityJob> recent(int limit) {
    platform();
    return em.createNativeQuery(
            "select " + COLUMNS + " from portability_job order by requested_at desc, id limit ?1")
        .setParameter(1, limit)
        .getResultStream()
        .map(r -> job((Object[]) r))
        .toList();
  }

  private void platform() {
    scope.apply(TenantScope.platform("portability"));
  }

  private void audit(String actor, String action, UUID job, String details) {
    audit.record(new AuditEvent(actor, action, "portability_job", job.toString(), null, details));
  }

  private static PortabilityJob job(Object[] r) {
    return new PortabilityJob(
        (UUID) r[0],
        PortabilityJob.Kind.valueOf((String) r[1]),
        (String) r[2],
        PortabilityJob.Status.valueOf((String) r[3]),
        ((Number) r[4]).intValue(),
        ((Number) r[5]).intValue(),
        (String) r[6],
        (Boolean) r[7],
        (UUID) r[8],
        (String) r[9],
        SqlValues.instant(r[10]),
        r[11] == null ? null : SqlValues.instant(r[11]));
  }
}
