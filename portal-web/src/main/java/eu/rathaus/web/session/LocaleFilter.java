package eu.rathaus.web.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Remembers the language chosen with {@code ?lang=de|en}; other values are ignored.
 *
 * <p>The choice is a cookie, not a session attribute: switching the language on a public page must
 * not create an HTTP session (public pages are stateless, issue 16). The cookie holds only "de" or
 * "en", is HttpOnly, and SameSite=Lax like every cookie (undertow-handlers.conf).
 */
@WebFilter(urlPatterns = "/*")
public class LocaleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** One year: a language choice is a preference, not a secret. */
  private static final int ONE_YEAR = 365 * 24 * 3600;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String lang;
    try {
      lang = request.getParameter("lang");
    } catch (RuntimeException e) {
      // Undertow parses a form body at the first parameter read and wraps what breaks it (a
      // multipart body cut off, a wrong boundary) in a RuntimeException: the request is bad, not
      // the server. Found by the fuzzing drill (benchmarks, issue 16).
      if (e.getCause() instanceof IOException) {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        return;
      }
      throw e;
    }
    if (LocaleSelection.isSupported(lang)) {
      // This request already renders in the chosen language; the cookie serves the next ones.
      request.setAttribute(LocaleSelection.COOKIE, lang);
      Cookie cookie = new Cookie(LocaleSelection.COOKIE, lang);
      String context = request.getContextPath();
      cookie.setPath(context == null || context.isEmpty() ? "/" : context);
      cookie.setMaxAge(ONE_YEAR);
      cookie.setHttpOnly(true);
      cookie.setSecure(request.isSecure());
      response.addCookie(cookie);
    }
    chain.doFilter(request, response);
  }
}
