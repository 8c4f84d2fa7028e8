package eu.rathaus.web.admin;

import eu.rathaus.portability.application.PortabilityJob;
import eu.rathaus.portability.application.PortabilityJobs;
import eu.rathaus.portability.domain.PortabilityRefusal;
import eu.rathaus.tenancy.application.MunicipalityAdministration;
import eu.rathaus.web.session.SessionUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Backing bean of {@code admin/portability.xhtml}: the platform admin exports a municipality for
 * another installation, imports one from an archive, and erases a municipality after its verified
 * export (issue 15, "Leave with your data"). Each runs as a background job ({@link
 * PortabilityJobs}); the page shows their progress and results.
 */
@Named
@ViewScoped
public class PortabilityAdminView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long MAX_KEY_BYTES = 64 * 1024;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Berlin"));

  @Inject PortabilityJobs jobs;
  @Inject MunicipalityAdministration administration;
  @Inject SessionUser sessionUser;

  private List<MunicipalityAdministration.Row> municipalities;
  private List<PortabilityJob> recent;
  private String notReady;

  /** The slug typed to confirm an erasure (only the submitted row's form sends it). */
  private String eraseConfirmation;

  private transient Part targetKey;
  private transient Part archive;
  private transient Part sourceKey;

  @PostConstruct
  void load() {
    municipalities = administration.all();
    notReady = jobs.notReady().orElse(null);
    refresh();
  }

  /** Re-reads the jobs (the poll while one runs, or the button). */
  public void refresh() {
    recent = jobs.recent();
  }

  public void export(String slug) {
    try {
      byte[] key = read(targetKey, "portability.export.keyMissing");
      if (key == null) {
        return;
      }
      jobs.startExport(slug, key, actor());
      info("portability.export.started", slug);
    } catch (PortabilityRefusal e) {
      refused(e);
    }
    refresh();
  }

  public void importArchive() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (archive == null || archive.getSize() == 0) {
      faces.addMessage("import:archive", error(text("portability.import.archiveMissing")));
      faces.addMessage(null, error(text("portability.import.invalid")));
      return;
    }
    try {
      byte[] key = read(sourceKey, "portability.import.keyMissing");
      if (key == null) {
        return;
      }
      try (InputStream in = archive.getInputStream()) {
        jobs.startImport(in, key, actor());
      }
      info("portability.import.started", archive.getSubmittedFileName());
    } catch (PortabilityRefusal e) {
      refused(e);
    } catch (IOException e) {
      faces.addMessage(null, error(text("portability.import.unreadable")));
    }
    refresh();
  }

  /** Starts an interrupted job again (its node stopped reporting). */
  public void restart(java.util.UUID id) {
    try {
      jobs.restart(id, actor());
      info("portability.restart.started");
    } catch (PortabilityRefusal e) {
      refused(e);
    }
    refresh();
  }

  /** Why an interrupted job stands still: its node and when it last reported. */
  public String interruptedText(PortabilityJob job) {
    return text(
        "portability.interrupted",
        job.node() == null ? "?" : job.node(),
        time(job.heartbeatAt() == null ? job.requestedAt() : job.heartbeatAt()),
        PortabilityJob.STALE.toMinutes());
  }

  /** Minutes of silence after which a job counts as interrupted (for the page's explanation). */
  public long getStaleMinutes() {
    return PortabilityJob.STALE.toMinutes();
  }

  /** Erases the municipality whose slug was typed, after its newest verified export. */
  public void erase() {
    String slug = eraseConfirmation == null ? "" : eraseConfirmation.strip();
    eraseConfirmation = null;
    refresh();
    java.util.Optional<PortabilityJob> export =
        recent.stream().filter(j -> j.isDownloadable() && slug.equals(j.slug())).findFirst();
    if (export.isEmpty()) {
      FacesContext.getCurrentInstance()
          .addMessage(null, error(text("portability.erase.noExport", slug)));
      return;
    }
    try {
      jobs.startErasure(export.get().id(), slug, actor());
      info("portability.erase.started", slug);
    } catch (PortabilityRefusal e) {
      refused(e);
    }
    refresh();
  }

  private byte[] read(Part part, String missingKey) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (part == null || part.getSize() == 0) {
      faces.addMessage(null, error(text(missingKey)));
      return null;
    }
    if (part.getSize() > MAX_KEY_BYTES) {
      faces.addMessage(null, error(text("portability.key.invalid")));
      return null;
    }
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      faces.addMessage(null, error(text("portability.key.invalid")));
      return null;
    }
  }

  public List<MunicipalityAdministration.Row> getMunicipalities() {
    return municipalities;
  }

  public List<PortabilityJob> getJobs() {
    return recent;
  }

  public boolean isAnyRunning() {
    return recent.stream().anyMatch(PortabilityJob::isRunning);
  }

  public String getNotReady() {
    return notReady;
  }

  public String getEraseConfirmation() {
    return eraseConfirmation;
  }

  public void setEraseConfirmation(String eraseConfirmation) {
    this.eraseConfirmation = eraseConfirmation;
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  public Part getTargetKey() {
    return targetKey;
  }

  public void setTargetKey(Part targetKey) {
    this.targetKey = targetKey;
  }

  public Part getArchive() {
    return archive;
  }

  public void setArchive(Part archive) {
    this.archive = archive;
  }

  public Part getSourceKey() {
    return sourceKey;
  }

  public void setSourceKey(Part sourceKey) {
    this.sourceKey = sourceKey;
  }

  private String actor() {
    return sessionUser.isSignedIn() ? sessionUser.getUser().subject() : "unknown";
  }

  private void info(String key, Object... arguments) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
  }

  private void refused(PortabilityRefusal e) {
    FacesContext.getCurrentInstance()
        .addMessage(null, error(text("portability.refused", e.getMessage())));
  }

  private static FacesMessage error(String text) {
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
  }

  private static String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    String pattern = bundle.getString(key);
    return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
  }
}
