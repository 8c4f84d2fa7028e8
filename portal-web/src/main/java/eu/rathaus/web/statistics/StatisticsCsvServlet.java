package eu.rathaus.web.statistics;

import eu.rathaus.statistics.application.Statistics;
import eu.rathaus.statistics.domain.Dashboard;
import eu.rathaus.statistics.domain.StatisticsCsv;
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
import java.util.UUID;

/**
 * The dashboard as CSV (German labels): {@code /municipal/statistics.csv?from=&to=} for a
 * municipality's admin, {@code /admin/statistics.csv?from=&to=&municipality=} for the platform
 * (web.xml guards both paths). A bad period is a 400, never a 500.
 */
@WebServlet({"/municipal/statistics.csv", "/admin/statistics.csv"})
public class StatisticsCsvServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject Statistics statistics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    LocalDate from;
    LocalDate to;
    UUID municipality = null;
    try {
      from = LocalDate.parse(request.getParameter("from"));
      to = LocalDate.parse(request.getParameter("to"));
      String m = request.getParameter("municipality");
      if (m != null && !m.isBlank() && request.getServletPath().startsWith("/admin/")) {
        municipality = UUID.fromString(m);
      }
    } catch (DateTimeParseException | NullPointerException | IllegalArgumentException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    Dashboard dashboard = statistics.dashboard(from, to, municipality);
    ResourceBundle msg = ResourceBundle.getBundle("eu.rathaus.web.i18n.messages", Locale.GERMAN);
    byte[] csv = StatisticsCsv.of(dashboard, from + " – " + to, new StatisticsLabels(msg));
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"statistik-" + from + "-" + to + ".csv\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(csv.length);
    response.getOutputStream().write(csv);
  }
}
