package eu.rathaus.web.attachments;

import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.catalogue.domain.AttachmentRules;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.session.SessionUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Backing bean of {@code citizen/upload-demo.xhtml}: a stepping stone that exercises the attachment
 * service end to end (upload into a demo draft of Musterstadt, list, download) until the form
 * renderer of issue 4 uploads into real drafts. Request-scoped because an uploaded {@link Part}
 * cannot live in a view or session.
 */
@Named
@RequestScoped
public class UploadDemoView {

  /** Musterstadt: the demo municipality every stepping-stone upload belongs to. */
  static final String DEMO_MUNICIPALITY = "musterstadt";

  /** The limits the demo uses, like the demo templates' attachment rules. */
  static final AttachmentRules DEMO_RULES =
      new AttachmentRules(5, 10L * 1024 * 1024, List.of("application/pdf", "image/jpeg", "image/png"));

  @Inject AttachmentService attachments;
  @Inject MunicipalityDirectory municipalities;
  @Inject SessionUser sessionUser;

  private Part file;
  private List<AttachmentSummary> rows;

  public void upload() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (file == null || file.getSize() == 0 && (file.getSubmittedFileName() == null || file.getSubmittedFileName().isEmpty())) {
      faces.addMessage("upload:file", error(text("attachment.demo.noFile")));
      return;
    }
    Optional<MunicipalitySummary> municipality = municipalities.bySlug(DEMO_MUNICIPALITY);
    if (municipality.isEmpty()) {
      faces.addMessage(null, error(text("attachment.demo.unavailable")));
      return;
    }
    String subject = sessionUser.getUser().subject();
    UploadOutcome outcome;
    try (InputStream in = file.getInputStream()) {
      outcome = attachments.upload(subject, municipality.get().id(), demoDraft(subject), file.getSubmittedFileName(),
          in, DEMO_RULES);
    } catch (IOException e) {
      faces.addMessage("upload:file", error(text("attachment.error.storageUnavailable")));
      return;
    }
    if (outcome.isStored()) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
          text("attachment.demo.stored", outcome.getStored().displayName()), null));
      rows = null;
    } else {
      FieldProblem problem = outcome.getProblem();
      faces.addMessage("upload:file", error(text(problem.messageKey(), problem.arguments().toArray())));
    }
  }

  /** One demo draft per citizen, so the count limit applies as it will to a real draft. */
  static UUID demoDraft(String subject) {
    return UUID.nameUUIDFromBytes(("rathaus-upload-demo|" + subject).getBytes(StandardCharsets.UTF_8));
  }

  public List<AttachmentSummary> getRows() {
    if (rows == null) {
      rows = attachments.mine();
    }
    return rows;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public int getMaxCount() {
    return DEMO_RULES.maxCount();
  }

  public long getMaxMegabytes() {
    return DEMO_RULES.maxSizeBytes() / (1024 * 1024);
  }

  /** Size for people: "12 KB" or "1.4 MB". */
  public String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private static FacesMessage error(String text) {
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
  }

  private static String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return MessageFormat.format(msg.getString(key), arguments);
  }
}
