package eu.rathaus.web.applications;

import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.Receipt;
import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.payments.application.TransferDetails;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /citizen/receipt?ref=MUS-2026-000123}: the PDF receipt, for its applicant only. Everyone
 * else — another citizen, an unknown or malformed number — gets the same 404, so the answer does
 * not even tell whether a number exists. ({@code CitizenAreaFilter} has already made sure a citizen
 * is signed in.)
 */
@WebServlet("/citizen/receipt")
public class ReceiptServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject ApplicationJourney journey;
  @Inject LocaleSelection localeSelection;
  @Inject Payments payments;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String ref = request.getParameter("ref");
    Optional<Receipt> receipt = ref == null ? Optional.empty() : journey.receipt(ref);
    if (receipt.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    UUID applicationId = receipt.get().applicationId();
    PaymentSummary payment =
        applicationId == null ? null : payments.forApplication(applicationId).orElse(null);
    // Transfer data only while nothing is under way: a pending online payment must not invite a
    // second one.
    boolean awaitingMoney =
        payment != null
            && (payment.state() == PaymentState.OPEN || payment.state() == PaymentState.FAILED);
    TransferDetails transfer =
        awaitingMoney ? payments.transferDetails(applicationId).orElse(null) : null;
    byte[] pdf = ReceiptPdf.render(receipt.get(), localeSelection.getLocale(), payment, transfer);
    response.setContentType("application/pdf");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"Eingangsbestaetigung-" + receipt.get().reference() + ".pdf\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(pdf.length);
    response.getOutputStream().write(pdf);
  }
}
