package eu.rathaus.web.office;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
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
 * {@code /office/attachment?case=…&id=…}: a file of a case, decrypted, for the municipality's staff
 * (web.xml guards {@code /office/*}). The file must belong to that case of the caller's
 * municipality ({@link CaseWork#download}); anything else is the same 404. Every download is
 * audited. Sent as a download with {@code nosniff}, never rendered in the portal's origin.
 */
@WebServlet("/office/attachment")
public class CaseAttachmentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CaseAttachmentServlet.class.getName());

  @Inject CaseWork work;
  @Inject CallerScope caller;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (caller.get().kind() != TenantScope.Kind.STAFF) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    UUID caseId;
    UUID id;
    try {
      caseId = UUID.fromString(String.valueOf(request.getParameter("case")));
      id = UUID.fromString(String.valueOf(request.getParameter("id")));
    } catch (IllegalArgumentException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<AttachmentDownload> download;
    try {
      download = work.download(caseId, id);
    } catch (AttachmentTamperedException e) {
      LOG.log(Level.SEVERE, "Attachment {0} failed its integrity check and was not delivered", id);
      response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      return;
    } catch (KeyUnavailableException e) {
      LOG.log(
          Level.SEVERE,
          "Attachment {0} cannot be decrypted: {1}",
          new Object[] {id, e.getMessage()});
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    if (download.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AttachmentServlet.send(response, download.get());
  }
}
