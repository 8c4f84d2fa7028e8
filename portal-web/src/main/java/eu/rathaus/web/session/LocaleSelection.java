package eu.rathaus.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The language of the page: German unless the person chose English with the switch in the header.
 * The choice lives in a cookie (see {@link LocaleFilter}), so no page needs an HTTP session for it;
 * links work without JavaScript.
 */
@Named
@RequestScoped
public class LocaleSelection {

  /** Name of the cookie, and of the request attribute for the request that makes the choice. */
  public static final String COOKIE = "rathaus.lang";

  @Inject HttpServletRequest request;

  public Locale getLocale() {
    return Locale.forLanguageTag(languageOf(request));
  }

  /** The chosen language of a request: "de" (the default) or "en". */
  public static String languageOf(HttpServletRequest request) {
    Object chosen = request.getAttribute(COOKIE);
    if (chosen instanceof String lang && isSupported(lang)) {
      return lang;
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName()) && isSupported(cookie.getValue())) {
          return cookie.getValue();
        }
      }
    }
    return "de";
  }

  static boolean isSupported(String lang) {
    return "de".equals(lang) || "en".equals(lang);
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
