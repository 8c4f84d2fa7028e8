package eu.rathaus.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a person whose sign-in is gone (the session timed out or was lost, Keycloak's too) to sign
 * in again and back to the page they were on — instead of a bare "Kein Zugriff" or "Seite nicht
 * gefunden". For a form post "the page they were on" is the page that showed the form (the
 * same-origin {@code Referer}; the form's action alone lacks the page's parameters, e.g. which
 * draft), for anything else the requested address. A Faces AJAX request gets the redirect as a
 * partial response, which the browser's Faces script follows (a plain 302 would lead the
 * XMLHttpRequest, not the page, to Keycloak).
 */
public final class SignInAgain {

  private SignInAgain() {}

  /** The local page (path and query, without the context path) to come back to. */
  public static String pageOf(HttpServletRequest request) {
    String context = request.getContextPath();
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      String from = sameOriginPath(request, request.getHeader("Referer"));
      if (from != null && from.startsWith(context + "/")) {
        return from.substring(context.length());
      }
    }
    String path = request.getRequestURI().substring(context.length());
    return path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
  }

  /** Path and query of {@code referer} if it names this host and port, else null. */
  static String sameOriginPath(HttpServletRequest request, String referer) {
    if (referer == null || referer.length() > 2000) {
      return null;
    }
    try {
      URI uri = URI.create(referer);
      if (uri.getRawPath() == null
          || !request.getScheme().equalsIgnoreCase(uri.getScheme())
          || !request.getServerName().equalsIgnoreCase(uri.getHost())
          || request.getServerPort() != port(uri)) {
        return null;
      }
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Through the citizens' door (the eID) and back to the page. */
  public static void asCitizen(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    redirect(request, response, StepUp.citizenLogin(request, pageOf(request)));
  }

  /** A redirect that also works for a Faces AJAX request. */
  public static void redirect(HttpServletRequest request, HttpServletResponse response, String url)
      throws IOException {
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("text/xml");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                  + "\"/></partial-response>");
      return;
    }
    response.sendRedirect(url);
  }
}
