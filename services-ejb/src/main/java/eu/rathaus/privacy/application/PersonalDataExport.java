package eu.rathaus.privacy.application;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.catalogue.application.PublishedService;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.notices.application.DecisionNotices;
import eu.rathaus.notices.application.NoticeDownload;
import eu.rathaus.notices.application.NoticeSummary;
import eu.rathaus.privacy.domain.AccessLogEntry;
import eu.rathaus.privacy.domain.ExportSummary;
import eu.rathaus.privacy.domain.OverviewHtml;
import eu.rathaus.privacy.infrastructure.PersonalDataSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * "Meine Daten" (GDPR Art. 15): everything the portal stores about the signed-in citizen as one
 * ZIP, written straight into {@code out} while it is read (one file's bytes in memory at a time).
 *
 * <p>Only her own data, twice: every read is by her subject from her citizen scope, in a
 * transaction that hands the same scope to PostgreSQL's row-level security. Files and notices are
 * opened through the attachments and notices services with their own access checks (and their own
 * audit entries); the export itself is audited ({@code privacy.exported}, platform chain) before
 * the first byte is written. An aborted download (the browser went away) still commits that entry:
 * what was sent was sent.
 */
@ApplicationScoped
public class PersonalDataExport {

  private static final Logger LOG = Logger.getLogger(PersonalDataExport.class.getName());

  /** The archive's name as offered to the browser. */
  public static final String FILE_NAME = "meine-daten.zip";

  @Inject CallerScope caller;
  @Inject PersonalDataSql sql;
  @Inject AttachmentService attachments;
  @Inject DecisionNotices notices;
  @Inject ServiceCatalogue catalogue;
  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  private final JsonFactory json =
      JsonFactory.builder()
          .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  /**
   * Writes the signed-in citizen's archive.
   *
   * @throws SecurityException if the caller is not a signed-in citizen (nothing is written)
   * @throws UncheckedIOException if {@code out} fails (the browser went away)
   */
  @Transactional(dontRollbackOn = UncheckedIOException.class)
  @TenantScoped
  public void write(OutputStream out, Locale language, SignedInIdentity identity) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      throw new SecurityException("Only a signed-in citizen can export her data");
    }
    String subject = scope.subject();
    Instant now = clock.instant();
    audit.record(new AuditEvent(subject, "privacy.exported", "citizen", subject, null, null));
    ExportSummary summary =
        new ExportSummary(identity == null ? null : identity.displayName(), now);
    Map<UUID, String> titles = new HashMap<>();
    java.util.function.BiFunction<UUID, UUID, String> title =
        (municipality, version) ->
            titles.computeIfAbsent(
                version,
                v ->
                    catalogue
                        .publishedVersion(municipality, v)
                        .map(PublishedService::title)
                        .map(t -> t.in(language))
                        .orElse("–"));
    try {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      entry(zip, "profile.json", g -> profile(g, subject, identity, now));
      List<PersonalDataSql.CaseRef> cases = new ArrayList<>();
      entry(
          zip,
          "applications.json",
          g -> cases.addAll(sql.writeApplications(g, subject, title, summary)));
      entry(zip, "drafts.json", g -> sql.writeDrafts(g, subject, title, summary));
      Map<UUID, List<String>> messageFiles = files(zip, subject, summary);
      entry(
          zip,
          "messages.json",
          g ->
              sql.writeThreads(
                  g, subject, id -> messageFiles.getOrDefault(id, List.of()), summary));
      notices(zip, cases, summary);
      entry(zip, "payments.json", g -> sql.writePayments(g, subject, summary));
      entry(zip, "appointments.json", g -> sql.writeAppointments(g, subject, summary));
      List<AccessLogEntry> log = sql.accessLog();
      summary.accessLog().addAll(log);
      entry(zip, "access-log.json", g -> accessLog(g, log));
      zip.putNextEntry(new ZipEntry("overview.html"));
      zip.write(OverviewHtml.render(summary, language).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface JsonWork {
    void write(JsonGenerator g) throws IOException;
  }

  private void entry(ZipOutputStream zip, String name, JsonWork work) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    try (JsonGenerator g = json.createGenerator(zip).useDefaultPrettyPrinter()) {
      work.write(g);
    }
    zip.closeEntry();
  }

  private void profile(JsonGenerator g, String subject, SignedInIdentity identity, Instant now)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("exportedAt", now.toString());
    g.writeStringField("subject", subject);
    g.writeObjectFieldStart("signIn");
    if (identity != null) {
      g.writeStringField("name", identity.displayName());
      g.writeStringField("email", identity.email());
      g.writeStringField("levelOfAssurance", identity.levelOfAssurance());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("stored");
    sql.writeStoredIdentity(g, subject);
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * Her uploaded files and the files of her mailbox messages, decrypted into {@code files/}, then
   * their index {@code attachments.json}; returns the archive paths per message.
   */
  private Map<UUID, List<String>> files(ZipOutputStream zip, String subject, ExportSummary summary)
      throws IOException {
    Map<UUID, AttachmentSummary> all = new LinkedHashMap<>();
    Map<UUID, UUID> messageOf = new HashMap<>();
    for (AttachmentSummary mine : attachments.mine()) {
      all.put(mine.id(), mine);
    }
    Map<UUID, List<String>> pathsByMessage = new HashMap<>();
    Map<UUID, List<AttachmentSummary>> ofMessages = attachments.ofMessages(sql.messageIds(subject));
    for (Map.Entry<UUID, List<AttachmentSummary>> m : ofMessages.entrySet()) {
      for (AttachmentSummary file : m.getValue()) {
        all.putIfAbsent(file.id(), file);
        messageOf.put(file.id(), m.getKey());
        pathsByMessage.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(path(file));
      }
    }
    Map<UUID, Boolean> written = new LinkedHashMap<>();
    for (AttachmentSummary file : all.values()) {
      UUID message = messageOf.get(file.id());
      Optional<AttachmentDownload> download;
      try {
        download =
            message == null
                ? attachments.download(file.id())
                : attachments.downloadOfMessage(file.id(), message);
      } catch (RuntimeException e) {
        // A file that fails its integrity check or whose key is unavailable is named, not hidden.
        LOG.log(Level.SEVERE, "Export: attachment {0} could not be opened", file.id());
        download = Optional.empty();
      }
      written.put(file.id(), download.isPresent());
      if (download.isPresent()) {
        zip.putNextEntry(new ZipEntry(path(file)));
        zip.write(download.get().content());
        zip.closeEntry();
        summary
            .files()
            .add(
                new ExportSummary.FileLine(
                    path(file),
                    file.displayName(),
                    file.sizeBytes(),
                    message == null ? "attachment" : "message"));
      }
    }
    entry(
        zip,
        "attachments.json",
        g -> {
          g.writeStartArray();
          for (AttachmentSummary file : all.values()) {
            g.writeStartObject();
            g.writeStringField("name", file.displayName());
            g.writeStringField("contentType", file.contentType());
            g.writeNumberField("sizeBytes", file.sizeBytes());
            g.writeStringField("sha256", file.sha256());
            g.writeStringField("scanStatus", String.valueOf(file.scanStatus()));
            g.writeStringField("uploadedAt", String.valueOf(file.createdAt()));
            g.writeStringField("origin", messageOf.containsKey(file.id()) ? "message" : "upload");
            if (Boolean.TRUE.equals(written.get(file.id()))) {
              g.writeStringField("file", path(file));
            } else {
              g.writeStringField("file", null);
              g.writeStringField("problem", "could not be opened");
            }
            g.writeEndObject();
          }
          g.writeEndArray();
        });
    return pathsByMessage;
  }

  private void notices(
      ZipOutputStream zip, List<PersonalDataSql.CaseRef> cases, ExportSummary summary)
      throws IOException {
    record Written(String reference, NoticeSummary notice, String path) {}
    List<Written> index = new ArrayList<>();
    for (PersonalDataSql.CaseRef c : cases) {
      for (NoticeSummary notice : notices.ofCase(c.caseId())) {
        Optional<NoticeDownload> pdf;
        try {
          pdf = notices.download(notice.getId());
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "Export: notice {0} could not be opened", notice.getId());
          pdf = Optional.empty();
        }
        String path = null;
        if (pdf.isPresent()) {
          path = "notices/" + notice.getId() + "-" + safe(pdf.get().fileName());
          zip.putNextEntry(new ZipEntry(path));
          zip.write(pdf.get().pdf());
          zip.closeEntry();
          summary
              .files()
              .add(
                  new ExportSummary.FileLine(
                      path, pdf.get().fileName(), pdf.get().pdf().length, "notice"));
        }
        index.add(new Written(c.reference(), notice, path));
      }
    }
    entry(
        zip,
        "notices.json",
        g -> {
          g.writeStartArray();
          for (Written w : index) {
            g.writeStartObject();
            g.writeStringField("reference", w.reference());
            g.writeStringField("decision", w.notice().isApproved() ? "approved" : "rejected");
            g.writeStringField("issuedAt", String.valueOf(w.notice().getCreatedAt()));
            g.writeStringField("file", w.path());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  private static void accessLog(JsonGenerator g, List<AccessLogEntry> log) throws IOException {
    g.writeStartArray();
    for (AccessLogEntry e : log) {
      g.writeStartObject();
      g.writeStringField("at", String.valueOf(e.occurredAt()));
      g.writeStringField("municipality", e.municipality());
      g.writeStringField("person", e.actorName());
      g.writeStringField("action", e.action());
      g.writeStringField("record", e.subjectType());
      g.writeStringField("reference", e.reference());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String path(AttachmentSummary file) {
    return "files/" + file.id() + "-" + safe(file.displayName());
  }

  /** A stored name as one path segment: no separators, nothing a ZIP tool would climb out with. */
  static String safe(String name) {
    String cleaned = name == null ? "" : name.replaceAll("[/\\\\:\\p{Cntrl}]", "_");
    cleaned = cleaned.replace("..", "_");
    return cleaned.isBlank() ? "file" : cleaned;
  }
}
