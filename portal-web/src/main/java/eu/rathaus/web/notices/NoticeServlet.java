package eu.rathaus.web.notices;

import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.notices.application.DecisionNotices;
import eu.rathaus.notices.application.NoticeDownload;
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
 * A decision notice as PDF download: {@code /citizen/notice?id=…} for its applicant, {@code
 * /office/notice?id=…} for staff of the municipality. Each path serves only its own kind of caller,
 * and {@link DecisionNotices#download} answers only the applicant's or the municipality's notices,
 * so another citizen, another municipality's staff, an unknown or malformed id all get the same
 * 404. Sent as a download with {@code nosniff}; every delivery is audited by the service.
 */
@WebServlet({"/citizen/notice", "/office/notice"})
public class NoticeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(NoticeServlet.class.getName());

  @Inject DecisionNotices notices;
  @Inject CallerScope caller;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    TenantScope.Kind expected =
        request.getServletPath().startsWith("/office")
            ? TenantScope.Kind.STAFF
            : TenantScope.Kind.CITIZEN;
    Optional<UUID> id = parse(request.getParameter("id"));
    if (caller.get().kind() != expected || id.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<NoticeDownload> download;
    try {
      download = notices.download(id.get());
    } catch (AttachmentTamperedException e) {
      LOG.log(
          Level.SEVERE, "Notice {0} failed its integrity check and was not delivered", id.get());
      response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      return;
    } catch (KeyUnavailableException e) {
      LOG.log(
          Level.SEVERE,
          "Notice {0} cannot be decrypted: {1}",
          new Object[] {id.get(), e.getMessage()});
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    if (download.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    NoticeDownload notice = download.get();
    response.setContentType("application/pdf");
    response.setContentLength(notice.pdf().length);
    // The file name is built from the reference number only (letters, digits, hyphens): safe as is.
    response.setHeader("Content-Disposition", "attachment; filename=\"" + notice.fileName() + "\"");
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getOutputStream().write(notice.pdf());
  }

  private static Optional<UUID> parse(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
