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

  /** A waiting or running job whose node has not reported for longer than its stale limit. */
  private static final String INTERRUPTED =
      "(status in ('QUEUED', 'RUNNING') and coalesce(heartbeat_at, requested_at) < now() - interval '"
          + PortabilityJob.STALE.toSeconds()
          + " seconds')";

  private static final String COLUMNS =
      "id, kind, slug, status, tables_done, tables_total, result, archive_file is not null,"
          + " export_job, requested_by, requested_at, finished_at, node, heartbeat_at, "
          + INTERRUPTED;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject DatabaseTenantScope scope;
  @Inject AuditLog audit;

  /**
   * A new job queued on {@code node}, audited as requested. {@code peerKeys} are the other
   * installation's public keys (JWK set; null for an erasure), kept to run the job again.
   */
  public UUID create(
      PortabilityJob.Kind kind,
      String slug,
      String archiveFile,
      UUID exportJob,
      String peerKeys,
      String node,
      String actor) {
    platform();
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "insert into portability_job (id, kind, slug, status, archive_file, export_job,"
                + " requested_by, requested_at, peer_keys, node, heartbeat_at)"
                + " values (?1, ?2, ?3, 'QUEUED', ?4, cast(?5 as uuid), ?6, ?7, ?8, ?9, now())")
        .setParameter(1, id)
        .setParameter(2, kind.name())
        .setParameter(3, slug)
        .setParameter(4, archiveFile)
        .setParameter(5, exportJob == null ? null : exportJob.toString())
        .setParameter(6, actor)
        .setParameter(7, Timestamp.from(Instant.now()))
        .setParameter(8, peerKeys)
        .setParameter(9, node)
        .executeUpdate();
    audit(actor, "portability." + kind.name().toLowerCase() + ".requested", id, slug);
    return id;
  }

  /** The job runs now on {@code node}: its first heartbeat. */
  public void running(UUID id, String node) {
    platform();
    em.createNativeQuery(
            "update portability_job set status = 'RUNNING', node = ?2, heartbeat_at = now()"
                + " where id = ?1")
        .setParameter(1, id)
        .setParameter(2, node)
        .executeUpdate();
  }

  /** Tables done so far; a heartbeat as well. */
  public void progress(UUID id, int done, int total) {
    platform();
    em.createNativeQuery(
            "update portability_job set tables_done = ?2, tables_total = ?3, heartbeat_at = now()"
                + " where id = ?1")
        .setParameter(1, id)
        .setParameter(2, done)
        .setParameter(3, total)
        .executeUpdate();
  }

  /** {@code node} still runs the job (only while it is the job's node and the job is open). */
  public void heartbeat(UUID id, String node) {
    platform();
    em.createNativeQuery(
            "update portability_job set heartbeat_at = now() where id = ?1 and node = ?2"
                + " and status in ('QUEUED', 'RUNNING')")
        .setParameter(1, id)
        .setParameter(2, node)
        .executeUpdate();
  }

  /**
   * Queues an interrupted job again on {@code node}, from the start; audited. False (nothing
   * changed) when the job is not interrupted (any more): only one of two admins restarts it.
   */
  public boolean restart(UUID id, String node, String actor) {
    platform();
    int changed =
        em.createNativeQuery(
                "update portability_job set status = 'QUEUED', tables_done = 0, tables_total = 0,"
                    + " result = null, finished_at = null, node = ?2, heartbeat_at = now()"
                    + " where id = ?1 and "
                    + INTERRUPTED)
            .setParameter(1, id)
            .setParameter(2, node)
            .executeUpdate();
    if (changed == 0) {
      return false;
    }
    PortabilityJob job = find(id).orElseThrow();
    audit(
        actor,
        "portability." + job.kind().name().toLowerCase() + ".restarted",
        id,
        job.slug() == null ? "" : job.slug());
    return true;
  }

  /** The other installation's public keys the job was started with (none for an erasure). */
  public Optional<String> peerKeys(UUID id) {
    return text(id, "peer_keys");
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
    return text(id, "archive_file");
  }

  /** One text column of the job (a fixed name from this class, never input). */
  private Optional<String> text(UUID id, String column) {
    platform();
    List<?> values =
        em.createNativeQuery("select " + column + " from portability_job where id = ?1")
            .setParameter(1, id)
            .getResultList();
    return values.isEmpty() ? Optional.empty() : Optional.ofNullable((String) values.get(0));
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
        r[11] == null ? null : SqlValues.instant(r[11]),
        (String) r[12],
        r[13] == null ? null : SqlValues.instant(r[13]),
        (Boolean) r[14]);
  }
}
