package eu.rathaus.web.mailbox;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.web.attachments.AttachmentServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A file of a mailbox message, for the citizen ({@code /citizen/mailbox-file}) and the office
 * ({@code /office/mailbox-file}): the mailbox answers only for threads the caller may see, so
 * foreign and unknown ids are the same 404. Sent as a download with {@code nosniff}, like
 * application files, so an uploaded file is never rendered in the portal's origin.
 */
@WebServlet({"/citizen/mailbox-file", "/office/mailbox-file"})
public class MailboxFileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(MailboxFileServlet.class.getName());

  @Inject Mailbox mailbox;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    UUID thread = uuid(request.getParameter("thread"));
    UUID message = uuid(request.getParameter("message"));
    UUID id = uuid(request.getParameter("id"));
    if (thread == null || message == null || id == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<AttachmentDownload> download;
    try {
      download = mailbox.download(thread, message, id);
    } catch (AttachmentTamperedException e) {
      LOG.log(
          Level.SEVERE, "Message file {0} failed its integrity check and was not delivered", id);
      response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      return;
    } catch (KeyUnavailableException e) {
      LOG.log(
          Level.SEVERE,
          "Message file {0} cannot be decrypted: {1}",
          new Object[] {id, e.getMessage()});
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    } catch (IllegalStateException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (download.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AttachmentServlet.send(response, download.get());
  }

  private static UUID uuid(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
