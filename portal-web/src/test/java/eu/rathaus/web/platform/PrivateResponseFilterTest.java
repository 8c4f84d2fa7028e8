package eu.rathaus.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.platform.RuntimeMode;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production branch of the hidden headers, which no test server here runs in (the test stack is
 * always demo): HSTS and the Secure session cookie in production, neither in the demo; no-store for
 * signed-in people and the signed-in areas in both.
 */
class PrivateResponseFilterTest {

  private static HttpServletRequest request(String uri, boolean signedIn) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            getLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRequestURI" -> uri;
                  case "getContextPath" -> "";
                  case "getUserPrincipal" -> signedIn ? (Principal) () -> "erika" : null;
                  default -> null;
                });
  }

  private static ClassLoader getLoader() {
    return PrivateResponseFilterTest.class.getClassLoader();
  }

  private static Map<String, String> headersFor(RuntimeMode mode, String uri, boolean signedIn)
      throws Exception {
    Map<String, String> headers = new HashMap<>();
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setHeader")) {
                    headers.put((String) args[0], (String) args[1]);
                  }
                  return null;
                });
    new PrivateResponseFilter(mode).doFilter(request(uri, signedIn), response, (req, res) -> {});
    return headers;
  }

  @Test
  void productionSendsHstsOnEveryResponseTheDemoNever() throws Exception {
    assertThat(headersFor(RuntimeMode.PRODUCTION, "/", false))
        .containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    assertThat(headersFor(RuntimeMode.PRODUCTION, "/api/v1/municipalities", false))
        .containsKey("Strict-Transport-Security");
    assertThat(headersFor(RuntimeMode.DEMO, "/", false))
        .doesNotContainKey("Strict-Transport-Security");
  }

  @Test
  void signedInResponsesAndPrivateAreasAreNeverStored() throws Exception {
    for (RuntimeMode mode : RuntimeMode.values()) {
      assertThat(headersFor(mode, "/", true)).containsEntry("Cache-Control", "no-store");
      assertThat(headersFor(mode, "/service.xhtml", true))
          .containsEntry("Cache-Control", "no-store");
      for (String area :
          new String[] {
            "/citizen/profile.xhtml",
            "/office/inbox.xhtml",
            "/municipal/services.xhtml",
            "/admin/municipalities.xhtml",
            "/signout"
          }) {
        assertThat(headersFor(mode, area, false))
            .as(area)
            .containsEntry("Cache-Control", "no-store");
      }
      assertThat(headersFor(mode, "/", false))
          .as("public page to a visitor stays cacheable")
          .doesNotContainKey("Cache-Control");
      assertThat(headersFor(mode, "/citizenship.xhtml", false))
          .as("prefix, not a folder")
          .doesNotContainKey("Cache-Control");
    }
  }

  @Test
  void theSessionCookieIsSecureInProductionOnly() {
    Map<String, Object> set = new HashMap<>();
    SessionCookieConfig cookie =
        (SessionCookieConfig)
            Proxy.newProxyInstance(
                getLoader(),
                new Class<?>[] {SessionCookieConfig.class},
                (proxy, method, args) -> {
                  if (method.getName().startsWith("set")) {
                    set.put(method.getName(), args[0]);
                  }
                  return null;
                });
    SessionCookieHardening.apply(cookie, RuntimeMode.PRODUCTION);
    assertThat(set).containsEntry("setSecure", true).containsEntry("setHttpOnly", true);
    SessionCookieHardening.apply(cookie, RuntimeMode.DEMO);
    assertThat(set).containsEntry("setSecure", false);
  }
}
