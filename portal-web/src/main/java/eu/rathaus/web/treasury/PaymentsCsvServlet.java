package eu.rathaus.web.treasury;

import eu.rathaus.payments.application.Treasury;
import eu.rathaus.payments.application.TreasuryCsv;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentState;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code /municipal/payments.csv?from=&to=&state=}: the treasury page's selection as a CSV download
 * for the finance system (format: {@link eu.rathaus.payments.application.TreasuryCsv}). Under
 * {@code /municipal/*}, so only municipal admins reach it; the municipality comes from their scope.
 */
@WebServlet("/municipal/payments.csv")
public class PaymentsCsvServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /**
   * The file's words are German whatever the page's language: its headings are, and the finance
   * software's import rules match one fixed set (the treasury page's labels).
   */
  static final TreasuryCsv.Labels GERMAN_LABELS =
      new TreasuryCsv.Labels() {
        private final ResourceBundle bundle =
            ResourceBundle.getBundle("eu.rathaus.web.i18n.messages", Locale.GERMAN);

        @Override
        public String state(PaymentState state) {
          return bundle.getString("treasury.state." + state.name());
        }

        @Override
        public String method(PaymentMethod method) {
          return bundle.getString("treasury.method." + method.name());
        }
      };

  @Inject Treasury treasury;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    LocalDate from;
    LocalDate to;
    PaymentState state;
    try {
      from = date(request.getParameter("from"));
      to = date(request.getParameter("to"));
      String s = request.getParameter("state");
      state = s == null || s.isBlank() ? null : PaymentState.valueOf(s);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    byte[] csv = treasury.csv(from, to, state, GERMAN_LABELS);
    String name =
        "zahlungen" + (from == null ? "" : "-" + from) + (to == null ? "" : "-" + to) + ".csv";
    response.setContentType("text/csv; charset=UTF-8");
    response.setContentLength(csv.length);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getOutputStream().write(csv);
  }

  private static LocalDate date(String text) {
    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
  }
}
