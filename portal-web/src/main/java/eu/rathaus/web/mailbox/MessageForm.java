package eu.rathaus.web.mailbox;

import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.OutgoingFile;
import eu.rathaus.tenancy.application.FieldProblem;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * What the mailbox forms share: plain named inputs inside an {@code h:form} (works without
 * JavaScript, like the application form), the files of a multipart post, problems as text.
 */
final class MessageForm {

  /** Name of the file input ({@code multiple}). */
  static final String FILES = "mailbox-files";

  static final String TEXT = "mailbox-text";

  private MessageForm() {}

  static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  static String param(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  static Optional<UUID> uuidParam(String... names) {
    for (String name : names) {
      String value = param(name);
      if (value != null) {
        try {
          return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The chosen files. A file larger than the mailbox's limit is read only one byte past it, so the
   * attachment pipeline refuses it as too large without the portal holding the whole upload.
   */
  static List<OutgoingFile> files() {
    HttpServletRequest http = request();
    List<OutgoingFile> files = new ArrayList<>();
    if (http.getContentType() == null
        || !http.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return files;
    }
    try {
      for (Part part : http.getParts()) {
        String name = part.getSubmittedFileName();
        if (!FILES.equals(part.getName()) || name == null || name.isEmpty()) {
          continue;
        }
        try (InputStream in = part.getInputStream()) {
          byte[] bytes =
              in.readNBytes(
                  (int) Math.min(Integer.MAX_VALUE - 8, Mailbox.FILE_RULES.maxSizeBytes() + 1));
          files.add(new OutgoingFile(name, part.getContentType(), bytes));
        } finally {
          part.delete();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ServletException | IllegalStateException e) {
      // Beyond the servlet's multipart limit: refused like any oversized file.
      files.add(new OutgoingFile("upload", "application/octet-stream", new byte[0]));
    }
    return files;
  }

  static List<String> texts(List<FieldProblem> problems) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    List<String> lines = new ArrayList<>();
    for (FieldProblem p : problems) {
      String pattern =
          msg.containsKey(p.messageKey()) ? msg.getString(p.messageKey()) : p.messageKey();
      String text = MessageFormat.format(pattern, p.arguments().toArray());
      if ("file".equals(p.field())
          && !p.arguments().isEmpty()
          && p.messageKey().startsWith("attachment.")) {
        // The pipeline's messages name no file; the mailbox puts the file's name first.
        text =
            p.arguments().get(0)
                + ": "
                + MessageFormat.format(
                    pattern, p.arguments().subList(1, p.arguments().size()).toArray());
      }
      lines.add(text);
    }
    return lines;
  }

  static void redirect(String path) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces
          .getExternalContext()
          .redirect(faces.getExternalContext().getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
