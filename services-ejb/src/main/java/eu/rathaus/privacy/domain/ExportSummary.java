package eu.rathaus.privacy.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the readable overview of a data export shows: small lines per record, collected while the
 * machine-readable files are written (file contents never pass through here).
 */
public final class ExportSummary {

  /** A submitted application as listed in the overview. */
  public record ApplicationLine(
      String reference, String service, String municipality, Instant submittedAt, String status) {}

  /** A draft as listed in the overview. */
  public record DraftLine(String service, String municipality, Instant updatedAt) {}

  /** A file in the archive: where it is, what it was called, what it belongs to. */
  public record FileLine(String path, String name, long sizeBytes, String origin) {}

  /** A payment request. */
  public record PaymentLine(
      String paymentReference, String reference, long amountCents, String state) {}

  /** An appointment. */
  public record AppointmentLine(String type, String location, Instant startsAt, String status) {}

  /** A mailbox thread with its number of messages. */
  public record ThreadLine(String title, String municipality, int messages) {}

  private final String name;
  private final Instant exportedAt;
  private final List<ApplicationLine> applications = new ArrayList<>();
  private final List<DraftLine> drafts = new ArrayList<>();
  private final List<FileLine> files = new ArrayList<>();
  private final List<ThreadLine> threads = new ArrayList<>();
  private final List<PaymentLine> payments = new ArrayList<>();
  private final List<AppointmentLine> appointments = new ArrayList<>();
  private final List<AccessLogEntry> accessLog = new ArrayList<>();

  public ExportSummary(String name, Instant exportedAt) {
    this.name = name;
    this.exportedAt = exportedAt;
  }

  public String name() {
    return name;
  }

  public Instant exportedAt() {
    return exportedAt;
  }

  public List<ApplicationLine> applications() {
    return applications;
  }

  public List<DraftLine> drafts() {
    return drafts;
  }

  public List<FileLine> files() {
    return files;
  }

  public List<ThreadLine> threads() {
    return threads;
  }

  public List<PaymentLine> payments() {
    return payments;
  }

  public List<AppointmentLine> appointments() {
    return appointments;
  }

  public List<AccessLogEntry> accessLog() {
    return accessLog;
  }
}
