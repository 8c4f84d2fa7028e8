package eu.rathaus.web.attachments;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /citizen/attachment?id=…}: the signed-in citizen's own attachment, decrypted. Guarded by
 * {@link eu.rathaus.web.citizen.CitizenAreaFilter}; the service answers only the owner's ids, so a
 * foreign or unknown id is the same 404. Always sent as a download ({@code attachment}) with the
 * type detected at upload and {@code nosniff}, so a browser never renders an uploaded file in the
 * portal's origin.
 */
@WebServlet("/citizen/attachment")
public class AttachmentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(AttachmentServlet.class.getName());

  @Inject AttachmentService attachments;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    UUID id;
    try {
      id = UUID.fromString(String.valueOf(request.getParameter("id")));
    } catch (IllegalArgumentException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<AttachmentDownload> download;
    try {
      download = attachments.download(id);
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
    send(response, download.get());
  }

  /**
   * Writes a decrypted file as a download that the browser never renders in the portal's origin.
   */
  public static void send(HttpServletResponse response, AttachmentDownload file)
      throws IOException {
    response.setContentType(file.contentType());
    response.setContentLength(file.content().length);
    response.setHeader("Content-Disposition", disposition(file.displayName()));
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getOutputStream().write(file.content());
  }

  /** RFC 6266: an ASCII fallback name plus the exact UTF-8 name. */
  static String disposition(String name) {
    String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
