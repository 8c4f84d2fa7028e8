package eu.rathaus.web.privacy;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.privacy.application.PersonalDataExport;
import eu.rathaus.privacy.application.SignedInIdentity;
import eu.rathaus.web.session.LocaleSelection;
import eu.rathaus.web.session.SessionUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /citizen/my-data}: the signed-in citizen's data export (GDPR Art. 15) as a ZIP, streamed
 * while it is written. {@code CitizenAreaFilter} has made sure someone is signed in; anyone but a
 * citizen gets 404. The service decides what is hers (her subject and row-level security) and
 * audits the export.
 */
@WebServlet("/citizen/my-data")
public class MyDataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(MyDataServlet.class.getName());

  @Inject PersonalDataExport export;
  @Inject CallerScope caller;
  @Inject SessionUser sessionUser;
  @Inject LocaleSelection localeSelection;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (caller.get().kind() != TenantScope.Kind.CITIZEN || !sessionUser.isSignedIn()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    CurrentUser user = sessionUser.getUser();
    SignedInIdentity identity =
        new SignedInIdentity(
            user.displayName(),
            user.email(),
            user.levelOfAssurance() == null ? null : user.levelOfAssurance().name());
    response.setContentType("application/zip");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + PersonalDataExport.FILE_NAME + "\"");
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    try {
      export.write(response.getOutputStream(), localeSelection.getLocale(), identity);
    } catch (UncheckedIOException e) {
      // The browser went away mid-download; the export's audit entry stays.
      LOG.log(Level.FINE, "Data export aborted by the client", e);
    }
  }
}
