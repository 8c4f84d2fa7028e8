package eu.rathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItStack;
import eu.rathaus.web.it.Jdbc;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10's attacks over real HTTP and the real database, each reproduced as it was reported: bad
 * input that yielded 500s (a huge or far-future payment notification, a NUL in a search), headers
 * every page group must carry, the sign-out that a GET could trigger, a forged Host header, and the
 * application role changing another municipality's payee account.
 */
@ExtendWith(ArquillianExtension.class)
class HardeningHttpIT {

  private static final String MUSTERSTADT = "7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001";
  private static final String BEISPIELHEIM = "7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private String url(String path) {
    return base.toString().replaceAll("/$", "") + path;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> notification(byte[] body, String timestamp) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url("/api/v1/payments/notifications/hosted")))
            .header("Content-Type", "application/json")
            .header("X-Payment-Timestamp", timestamp)
            .header("X-Payment-Signature", "00")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertNoStackTrace(HttpResponse<String> response) {
    assertThat(response.body()).doesNotContain("Exception", "at eu.rathaus", "at java.", "at org.");
  }

  @Test
  void aMultipartBodyCutOffIsABadRequestNot500() throws Exception {
    String boundary = "----cut";
    String whole =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nde\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"a.photo\"; filename=\"x.png\"\r\n"
            + "Content-Type: image/png\r\n\r\nPNGPNGPNG";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/index.xhtml")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(whole))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertNoStackTrace(response);
  }

  @Test
  void aMegabyteNotificationIsRefusedWith413BeforeItIsRead() throws Exception {
    HttpResponse<String> response =
        notification(new byte[1024 * 1024], Long.toString(System.currentTimeMillis() / 1000));
    assertThat(response.statusCode()).isEqualTo(413);
    assertNoStackTrace(response);
  }

  @Test
  void aTimestampBeyondTheRangeOfInstantIsStaleNot500() throws Exception {
    for (String timestamp :
        List.of("99999999999999999", "-99999999999999999", "9223372036854775807")) {
      HttpResponse<String> response =
          notification("{}".getBytes(StandardCharsets.UTF_8), timestamp);
      assertThat(response.statusCode()).as("timestamp %s", timestamp).isEqualTo(401);
      assertThat(response.body()).isEqualTo("STALE");
    }
  }

  @Test
  void apiErrorsAreJsonWithoutStackTraces() throws Exception {
    HttpResponse<String> unknown = get("/api/v1/gibt-es-nicht");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(unknown.body())
        .contains("\"status\":404", "\"type\":\"https://rathaus.eu/problems/not-found\"");
    HttpResponse<String> wrongMethod =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/municipalities"))).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.body())
        .contains("\"status\":405", "\"type\":\"https://rathaus.eu/problems/method-not-allowed\"");
    assertNoStackTrace(wrongMethod);
  }

  /** HttpClient refuses such a URI, so this request is written by hand (found by fuzzing). */
  @Test
  void anApiPathThatIsNoUriIsABadRequestNot500() throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/municipalities/musterstadt/services/[] HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(answer);
      String text = answer.toString(StandardCharsets.UTF_8);
      assertThat(text).startsWith("HTTP/1.1 400");
      assertThat(text).contains("\"status\":400").doesNotContain("Exception");
    }
  }

  /**
   * A cookie with a control character (found by fuzzing) broke Undertow's cookie parser inside the
   * request listeners, before any filter, and ended as 500: it is refused as a bad request first.
   */
  @Test
  void aCookieWithAControlCharacterIsABadRequestNot500() throws Exception {
    assertThat(getWithRawCookie("JSESSIONID=ab\u007fcd".getBytes(StandardCharsets.ISO_8859_1)))
        .startsWith("HTTP/1.1 400");
    assertThat(get("/").statusCode()).isEqualTo(200);
  }

  /**
   * Umlauts in a cookie (RFC 6265 allows only printable ASCII), raw UTF-8 as a browser would send
   * them or one byte each: the fuzzing drill's {@code JSESSIONID=ÄÖÜäöüß} ended as 500.
   */
  @Test
  void aCookieWithNonAsciiCharactersIsABadRequestNot500() throws Exception {
    for (java.nio.charset.Charset encoding :
        List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
      assertThat(getWithRawCookie("JSESSIONID=ÄÖÜäöüß".getBytes(encoding)))
          .as("cookie in %s", encoding)
          .startsWith("HTTP/1.1 400");
    }
    assertThat(getWithRawCookie("lang=de; JSESSIONID=abc-_.~".getBytes(StandardCharsets.US_ASCII)))
        .as("printable ASCII stays allowed")
        .doesNotStartWith("HTTP/1.1 400")
        .doesNotStartWith("HTTP/1.1 5");
  }

  /** A GET of a public page over a raw socket, the Cookie header's bytes exactly as given. */
  private String getWithRawCookie(byte[] cookie) throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /service.xhtml?m=musterstadt&s=x HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\nCookie: ")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(cookie);
      out.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(answer);
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void anExpiredOrForgedViewStateGetsTheFriendly400Page() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/municipality.xhtml?m=musterstadt")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "jakarta.faces.ViewState=forged%3A123&search=search"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Seite abgelaufen", "Page expired");
    assertNoStackTrace(response);
  }

  @Test
  void signingOutNeedsAPostAndAGetChangesNothing() throws Exception {
    assertThat(get("/signout").statusCode()).isEqualTo(405);
    assertThat(get("/stepup?level=high&return=/citizen/profile.xhtml").statusCode()).isEqualTo(405);
  }

  /** HttpClient refuses to set Host, so this request is written by hand. */
  @Test
  void redirectsUseTheConfiguredBaseUrlNotTheHostHeader() throws Exception {
    String configured = ItStack.config().portalBaseUrl();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /signout HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                  + "Content-Length: 0\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      String head = answer.toString(StandardCharsets.ISO_8859_1);
      assertThat(head).startsWith("HTTP/1.1 302");
      assertThat(head)
          .containsPattern("(?i)location: " + java.util.regex.Pattern.quote(configured) + "/\r\n")
          .doesNotContain("evil.example");
    }
  }

  @Test
  void publicPagesMayBeCachedSignedInAreasNeverAndDemoSendsNoHsts() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.headers().allValues("Cache-Control")).noneMatch(v -> v.contains("no-store"));
    assertThat(home.headers().firstValue("Strict-Transport-Security"))
        .as("demo mode: plain http")
        .isEmpty();
    for (String path : List.of("/citizen/applications.xhtml", "/citizen/profile.xhtml")) {
      HttpResponse<String> page = get(path);
      assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
      assertSameSiteOnEveryCookie(page);
    }
    // The sign-in challenge sets the session cookie and elytron-oidc-client's state cookie.
    HttpResponse<String> challenge = get("/login");
    assertThat(challenge.statusCode()).isEqualTo(302);
    assertThat(challenge.headers().allValues("Set-Cookie")).isNotEmpty();
    assertSameSiteOnEveryCookie(challenge);
    HttpResponse<String> api = get("/api/v1/municipalities");
    assertThat(api.headers().allValues("Set-Cookie")).as("the API is stateless").isEmpty();
  }

  static void assertSameSiteOnEveryCookie(HttpResponse<?> response) {
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      assertThat(cookie).as("Set-Cookie").containsPattern("(?i);\\s*SameSite=(Lax|Strict)");
      assertThat(cookie)
          .as("demo mode: cookies work on http://localhost")
          .doesNotContainPattern("(?i);\\s*Secure");
    }
  }

  // --- municipality row-level security (V17) ---------------------------------------------------

  private static int updatePayee(Connection c, String scope, String municipality, String target)
      throws SQLException {
    try (PreparedStatement set =
        c.prepareStatement(
            "select set_config('rathaus.scope', ?, true), set_config('rathaus.municipality', ?, true)")) {
      set.setString(1, scope);
      set.setString(2, municipality);
      set.execute();
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "update municipality set payee_iban = 'DE89370400440532013000' where id = ?::uuid")) {
      update.setString(1, target);
      return update.executeUpdate();
    }
  }

  private static String payeeOf(String municipality) throws SQLException {
    try (Connection c = Jdbc.owner();
        PreparedStatement s =
            c.prepareStatement("select payee_iban from municipality where id = ?::uuid")) {
      s.setString(1, municipality);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void musterstadtsStaffCannotChangeBeispielheimsPayeeAccount() throws Exception {
    String before = payeeOf(BEISPIELHEIM);
    try (Connection c = Jdbc.app()) {
      c.setAutoCommit(false);
      try {
        assertThat(updatePayee(c, "staff", MUSTERSTADT, BEISPIELHEIM))
            .as("another municipality's row")
            .isZero();
        assertThat(updatePayee(c, "citizen", "", BEISPIELHEIM)).as("a citizen").isZero();
        assertThat(updatePayee(c, "public", "", BEISPIELHEIM)).as("a visitor").isZero();
        assertThat(updatePayee(c, "staff", MUSTERSTADT, MUSTERSTADT))
            .as("its own row (settings page)")
            .isEqualTo(1);
        assertThat(updatePayee(c, "platform", "", BEISPIELHEIM)).as("the platform").isEqualTo(1);
      } finally {
        c.rollback();
      }
      try (Statement s = c.createStatement()) {
        s.execute(
            "select set_config('rathaus.scope', 'staff', false), set_config('rathaus.municipality', '"
                + MUSTERSTADT
                + "', false)");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () ->
                    s.executeUpdate(
                        "insert into municipality (id, slug, name, ags, state, status, reference_code) values"
                            + " (gen_random_uuid(), 'fake-it', 'Fake', '09999901', 'Bayern', 'ACTIVE', 'FKE')"))
            .as("only the platform onboards")
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("row-level security");
      }
    }
    assertThat(payeeOf(BEISPIELHEIM)).isEqualTo(before);
  }
}
