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
    String lang = request.getParameter("lang");
    if ("de".equals(lang) || "en".equals(lang)) {
      request
          .getSession(true)
          .setAttribute(LocaleSelection.SESSION_KEY, Locale.forLanguageTag(lang));
    }
    chain.doFilter(request, response);
  }
}
