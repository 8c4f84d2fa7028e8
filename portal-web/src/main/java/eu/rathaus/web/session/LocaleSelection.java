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
}
