package eu.rathaus.web.catalogue;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Ends a Faces GET request with the portal's friendly 404 page (web.xml error page): an unknown or
 * suspended municipality or service must look like any unknown address — no stack trace, no hint
 * whether the thing exists but is hidden.
 */
public final class NotFound {

  private NotFound() {}

  public static void send() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(404, "Not found");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
