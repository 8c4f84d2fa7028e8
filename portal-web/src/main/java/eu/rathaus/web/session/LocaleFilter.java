package eu.rathaus.web.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/** Remembers the language chosen with {@code ?lang=de|en}; other values are ignored. */
@WebFilter(urlPatterns = "/*")
public class LocaleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

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
      // the
      // server. Found by the fuzzing drill (benchmarks, issue 16).
      if (e.getCause() instanceof IOException) {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        return;
      }
      throw e;
    }
    if ("de".equals(lang) || "en".equals(lang)) {
      request
          .getSession(true)
          .setAttribute(LocaleSelection.SESSION_KEY, Locale.forLanguageTag(lang));
    }
    chain.doFilter(request, response);
  }
}
