package eu.rathaus.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;

/**
 * The language of the page: German unless the person chose English with the switch in the header.
 * The choice lives in the HTTP session (see {@link LocaleFilter}); links work without JavaScript.
 */
@Named
@RequestScoped
public class LocaleSelection {

  static final String SESSION_KEY = "rathaus.locale";

  @Inject HttpServletRequest request;

  public Locale getLocale() {
    HttpSession session = request.getSession(false);
    Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
    return chosen instanceof Locale locale ? locale : Locale.GERMAN;
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  /**
   * The link of the language switch: the current page with its own parameters (a municipality's
   * slug, a search) and {@code lang} replaced, so switching never loses the page one is on.
   */
  public String switchHref(String language) {
    return "?" + switchQuery(request.getQueryString(), language);
  }

  static String switchQuery(String queryString, String language) {
    StringBuilder query = new StringBuilder();
    if (queryString != null) {
      for (String pair : queryString.split("&")) {
        if (pair.isEmpty() || pair.equals("lang") || pair.startsWith("lang=")) {
          continue;
        }
        query.append(pair).append('&');
      }
    }
    return query
        .append("lang=")
        .append(java.net.URLEncoder.encode(language, java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}
