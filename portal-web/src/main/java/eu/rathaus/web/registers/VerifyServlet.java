package eu.rathaus.web.registers;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The short address printed on certificates and in their QR codes, {@code /verify?code=…}: handed
 * on (server-side, same request and query) to the public page {@code verify.xhtml}, whose view is
 * transient ({@code StatelessPublicViews}): no session.
 */
@WebServlet("/verify")
public class VerifyServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.getRequestDispatcher("/verify.xhtml").forward(request, response);
  }
}
