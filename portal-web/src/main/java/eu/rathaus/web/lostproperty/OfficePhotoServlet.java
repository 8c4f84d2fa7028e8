package eu.rathaus.web.lostproperty;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.registers.lostproperty.application.LostPropertyOffice;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /office/lost-property/photo?id=…}: any photo of the municipality's found items, public or
 * not, for its staff (web.xml guards {@code /office/*}), so they see what they decide to publish.
 * The read is audited by the attachment store; never cached.
 */
@WebServlet("/office/lost-property/photo")
public class OfficePhotoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject LostPropertyOffice office;
  @Inject CallerScope caller;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<UUID> id = Ids.parse(request.getParameter("id"));
    if (caller.get().kind() != TenantScope.Kind.STAFF || id.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<AttachmentDownload> photo;
    try {
      photo = office.photo(id.get());
    } catch (AttachmentTamperedException | KeyUnavailableException e) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    response.setHeader("Cache-Control", "private, no-store");
    if (photo.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    PublicPhotoServlet.write(response, photo.get());
  }
}
