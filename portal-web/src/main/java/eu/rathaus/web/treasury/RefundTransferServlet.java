package eu.rathaus.web.treasury;

import eu.rathaus.payments.application.Refunds;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /municipal/refund-transfer?id=}: the pain.001 credit-transfer file of a SEPA refund, to
 * upload into the treasury's online banking. A foreign or unknown id is a 404, like a missing file.
 */
@WebServlet("/municipal/refund-transfer")
public class RefundTransferServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject Refunds refunds;

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
    Optional<Refunds.TransferFile> file = refunds.transferFile(id);
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/xml; charset=UTF-8");
    response.setContentLength(file.get().content().length);
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + file.get().fileName() + "\"");
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getOutputStream().write(file.get().content());
  }
}
