package eu.rathaus.portability.application;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One export, import or erasure the platform admin started (V75): its state, how far it got and
 * what came out. The node that runs it reports a heartbeat (V80); a waiting or running job whose
 * node has been silent for longer than {@link #STALE} is {@link #interrupted()} — its node died or
 * was stopped — and may be started again.
 */
public record PortabilityJob(
    UUID id,
    Kind kind,
    String slug,
    Status status,
    int tablesDone,
    int tablesTotal,
    String result,
    boolean archiveKept,
    UUID exportJob,
    String requestedBy,
    Instant requestedAt,
    Instant finishedAt,
    String node,
    Instant heartbeatAt,
    boolean interrupted)
    implements Serializable {

  /** How often the running node reports. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(30);

  /** A job silent for longer than this is interrupted (four missed heartbeats). */
  public static final Duration STALE = Duration.ofMinutes(2);

  /** What a job does. */
  public enum Kind {
    EXPORT,
    IMPORT,
    ERASE
  }

  /** Where a job stands. */
  public enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  public UUID getId() {
    return id;
  }

  public String getKind() {
    return kind.name();
  }

  public String getSlug() {
    return slug;
  }

  /** The status as shown: {@code INTERRUPTED} for a job whose node stopped reporting. */
  public String getStatus() {
    return interrupted ? "INTERRUPTED" : status.name();
  }

  public int getTablesDone() {
    return tablesDone;
  }

  public int getTablesTotal() {
    return tablesTotal;
  }

  public String getResult() {
    return result;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  /** Waiting or running, on a node that still reports. */
  public boolean isRunning() {
    return !interrupted && (status == Status.QUEUED || status == Status.RUNNING);
  }

  public boolean isInterrupted() {
    return interrupted;
  }

  public String getNode() {
    return node;
  }

  public Instant getHeartbeatAt() {
    return heartbeatAt;
  }

  /** A finished export whose archive can be downloaded (and proves the municipality left). */
  public boolean isDownloadable() {
    return kind == Kind.EXPORT && status == Status.DONE && archiveKept;
  }
}
