package eu.rathaus.web.appointments;

import eu.rathaus.appointments.application.Appointments;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /appointments/ics?token=…}: the calendar file of the appointment the link's secret names
 * (RFC 5545, {@code text/calendar}); 404 for anything else. Not cached: the secret is in the URL.
 */
@WebServlet("/appointments/ics")
public class IcsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject Appointments appointments;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> ics = appointments.ics(request.getParameter("token"));
    if (ics.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] bytes = ics.get().getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/calendar; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"termin.ics\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
