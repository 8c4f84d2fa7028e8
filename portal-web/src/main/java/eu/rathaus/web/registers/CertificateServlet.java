package eu.rathaus.web.registers;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.registers.residents.application.CertificateDesk;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.web.session.LocaleSelection;
import eu.rathaus.web.session.SessionUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The issued certificate of residence as PDF download: {@code
 * /citizen/certificate.pdf?application=<id>} for the citizen herself. The desk issues it if that
 * has not happened yet (the same rules as the page) and returns the stored PDF otherwise; anything
 * else — not her application, not issued — is 404.
 */
@WebServlet("/citizen/certificate.pdf")
public class CertificateServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject CertificateDesk desk;
  @Inject CallerScope caller;
  @Inject SessionUser sessionUser;
  @Inject LocaleSelection locale;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (caller.get().kind() != TenantScope.Kind.CITIZEN) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<CertificateDesk.Issued> issued;
    try {
      issued =
          CertificateView.CertificateRequests.parse(request.getParameter("application"))
              .flatMap(
                  a ->
                      CertificateView.CertificateRequests.request(
                          desk, sessionUser.getUser(), a, locale))
              .flatMap(CertificateDesk.Outcome::certificate);
    } catch (RegisterUnavailable e) {
      response.setHeader("Retry-After", "60");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    if (issued.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] pdf = issued.get().pdf();
    response.setContentType("application/pdf");
    response.setContentLength(pdf.length);
    // The file name is built from the code only (letters, digits, hyphens): safe as is.
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + issued.get().fileName() + "\"");
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getOutputStream().write(pdf);
  }
}
