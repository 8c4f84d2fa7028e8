package eu.rathaus.web.lostproperty;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.domain.AttachmentTamperedException;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.registers.lostproperty.application.LostPropertySearch;
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
 * {@code /lostproperty/photo?id=…}: a public photo of a found item still in the office, for the
 * public search. Stateless (no session is created or read for it) and asked in the anonymous scope
 * whoever is signed in, so everyone gets the same answer and shared caches may keep it: a photo's
 * bytes never change (its id is its ETag), but it may stop being public when the item is claimed or
 * staff hide it, so caches keep it only {@link #MAX_AGE_SECONDS} seconds. Any other id is 404.
 */
@WebServlet("/lostproperty/photo")
public class PublicPhotoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PublicPhotoServlet.class.getName());

  static final int MAX_AGE_SECONDS = 300;

  @Inject LostPropertySearch search;
  @Inject CallerScope caller;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<UUID> parsed = Ids.parse(request.getParameter("id"));
    if (parsed.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    UUID id = parsed.get();
    caller.set(TenantScope.anonymous());
    Optional<AttachmentDownload> photo;
    try {
      photo = search.publicPhoto(id);
    } catch (AttachmentTamperedException | KeyUnavailableException e) {
      LOG.log(
          Level.SEVERE,
          "Public photo {0} cannot be delivered: {1}",
          new Object[] {id, e.getMessage()});
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    if (photo.isEmpty()) {
      response.setHeader("Cache-Control", "no-store");
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String etag = "\"" + id + "\"";
    response.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
    response.setHeader("ETag", etag);
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    write(response, photo.get());
  }

  /** Writes a photo to be shown in a page (not a download); {@code nosniff}. */
  static void write(HttpServletResponse response, AttachmentDownload photo) throws IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType(photo.contentType());
    response.setContentLength(photo.content().length);
    response.setHeader("Content-Disposition", "inline");
    response.getOutputStream().write(photo.content());
  }
}
