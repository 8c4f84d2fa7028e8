package eu.rathaus.portability.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One export, import or erasure the platform admin started (V75): its state, how far it got and
 * what came out.
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
    Instant finishedAt)
    implements Serializable {

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

  public String getStatus() {
    return status.name();
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

  public boolean isRunning() {
    return status == Status.QUEUED || status == Status.RUNNING;
  }

  /** A finished export whose archive can be downloaded (and proves the municipality left). */
  public boolean isDownloadable() {
    return kind == Kind.EXPORT && status == Status.DONE && archiveKept;
  }
}
