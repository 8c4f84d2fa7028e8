package eu.rathaus.benchmarks.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Recorder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One virtual citizen: its own cookies (portal session, Keycloak session), signs in once through
 * the real Keycloak pages (eID realm, brokered into realm rathaus) and then fills the real
 * lost-property form page by page as a browser without JavaScript would: the form's own hidden
 * fields (Faces view state) plus the answers, posted to the form's own action.
 */
final class Citizen {

  /** The answers of the lost-property form ({@code demo.fundsache-verlust}), by field key. */
  static final Map<String, String> ANSWERS =
      Map.ofEntries(
          Map.entry("reportType", "lost"),
          Map.entry("itemCategory", "wallet"),
          Map.entry("description", "Schwarze Geldbörse aus Leder, Initialen E.M."),
          Map.entry("place", "Marktplatz, Bushaltestelle"),
          Map.entry("date", "01.12.2026"),
          Map.entry("estimatedValue", "40"),
          Map.entry("firstNames", "Luca"),
          Map.entry("lastName", "Basis"),
          Map.entry("email", "luca.basis@example.org"),
          Map.entry("phone", ""));

  static {
    // Undertow closes a connection idle for 60 s (no-request-timeout); the JDK client keeps idle
    // connections 1,200 s by default and may then send a request into a closed one. Keep it
    // shorter.
    if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
      System.setProperty("jdk.httpclient.keepalive.timeout", "30");
    }
  }

  private final String portal;
  private final HttpClient http;
  private final CookieManager cookies;
  private volatile Recorder recorder;
  private volatile java.util.function.Consumer<HttpResponse<String>> afterPage;

  Citizen(String portal) {
    this.portal = portal;
    this.cookies = new LocalhostCookies();
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * Where the duration of every page request goes from now on (redirects followed count as part of
   * the request, as a browser user waits for them too); null records nothing.
   */
  void recordInto(Recorder recorder) {
    this.recorder = recorder;
  }

  /**
   * Called after every page request (redirects followed) with its response; null for none. The
   * web-flow profile ({@link WebFlowProfile}) reads the server's counters there.
   */
  void afterEachPage(java.util.function.Consumer<HttpResponse<String>> listener) {
    this.afterPage = listener;
  }

  /** Signs in through the portal's "Anmelden" link and the eID realm's login form. */
  void signIn(String username, String password) throws IOException, InterruptedException {
    // The portal's "Anmelden" link: straight to the eID realm, brokered into realm rathaus.
    HttpResponse<String> page = get(portal + "/login?kc_idp_hint=eid");
    for (int hop = 0; hop < 12; hop++) {
      if (page.uri().toString().startsWith(portal) && page.statusCode() == 200) {
        return;
      }
      java.util.Optional<String> location = page.headers().firstValue("Location");
      if (page.statusCode() / 100 == 3 && location.isPresent()) {
        // the client gives up after 5 redirects; the brokered sign-in takes more
        page = get(page.uri().resolve(location.get()).toString());
        continue;
      }
      Document doc = Jsoup.parse(page.body(), page.uri().toString());
      Element form = doc.selectFirst("form#kc-form-login, form");
      if (form == null) {
        throw new IOException(
            "No login form at "
                + page.uri()
                + " (status "
                + page.statusCode()
                + "): "
                + doc.text().substring(0, Math.min(300, doc.text().length())));
      }
      Map<String, String> fields = hiddenFields(form);
      if (form.selectFirst("[name=username]") != null) {
        fields.put("username", username);
      }
      if (form.selectFirst("[name=password]") != null) {
        fields.put("password", password);
      }
      for (Element input : form.select("input[type=text], input[type=email]")) {
        fields.putIfAbsent(input.attr("name"), input.attr("value"));
      }
      page = postForm(form.absUrl("action"), fields);
    }
    throw new IOException("Not back in the portal after signing in: " + page.uri());
  }

  /**
   * Fills and submits one application; returns the reference number shown on the receipt.
   *
   * @param municipality slug, e.g. {@code musterstadt}
   * @param service service key, e.g. {@code demo.fundsache-verlust}
   */
  String apply(String municipality, String service) throws IOException, InterruptedException {
    HttpResponse<String> page =
        get(portal + "/citizen/apply.xhtml?m=" + enc(municipality) + "&s=" + enc(service));
    for (int step = 0; step < 8; step++) {
      Document doc = Jsoup.parse(page.body(), page.uri().toString());
      Element review = doc.selectFirst("form#review");
      if (review != null) {
        Map<String, String> fields = hiddenFields(review);
        fields.put("review:submit", review.selectFirst("[name='review:submit']").attr("value"));
        HttpResponse<String> receipt = postForm(review.absUrl("action"), fields);
        if (!receipt.uri().getPath().endsWith("/citizen/submitted.xhtml")) {
          throw new IOException(
              "Submission not acknowledged: " + receipt.statusCode() + " " + receipt.uri());
        }
        String query = receipt.uri().getQuery();
        return query == null ? "" : query.replaceFirst("^.*ref=", "");
      }
      Element form = doc.selectFirst("form#step");
      if (form == null) {
        throw new IOException(
            "Neither a form step nor the review at " + page.uri() + " (" + page.statusCode() + ")");
      }
      if (doc.selectFirst("#error-summary") != null) {
        throw new IOException("Form refused our answers: " + doc.selectFirst("#error-summary"));
      }
      page = postStep(form);
    }
    throw new IOException("The form did not reach its review step");
  }

  /**
   * Opens the form and answers its first {@code validSteps} steps correctly; returns the form of
   * the step it then shows (for the fuzz drill, which posts garbage into it).
   */
  Element formAfter(String municipality, String service, int validSteps)
      throws IOException, InterruptedException {
    HttpResponse<String> page =
        get(portal + "/citizen/apply.xhtml?m=" + enc(municipality) + "&s=" + enc(service));
    for (int i = 0; i < validSteps; i++) {
      page = postStep(Jsoup.parse(page.body(), page.uri().toString()).selectFirst("form#step"));
    }
    Element form = Jsoup.parse(page.body(), page.uri().toString()).selectFirst("form#step");
    if (form == null) {
      throw new IOException("No form step at " + page.uri());
    }
    return form;
  }

  /** The form step shown at {@code url} (a saved draft's step page, see {@link #formAfter}). */
  Element formAt(String url) throws IOException, InterruptedException {
    HttpResponse<String> page = get(url);
    Element form = Jsoup.parse(page.body(), page.uri().toString()).selectFirst("form#step");
    if (form == null) {
      throw new IOException("No form step at " + page.uri());
    }
    return form;
  }

  /** The Cookie header a browser would send to the portal now (its session). */
  String cookieHeader() {
    try {
      Map<String, List<String>> h =
          cookies.get(URI.create(portal + "/citizen/apply.xhtml"), Map.of());
      return String.join("; ", h.getOrDefault("Cookie", List.of()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A GET with this citizen's cookies that, unlike {@link #get}, returns server errors too (the
   * fault drills look at the page a visitor gets), with a short timeout.
   */
  HttpResponse<String> probe(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return timed(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build());
  }

  /**
   * One form step. Posted url-encoded, not as the multipart body a browser sends for this form (its
   * enctype allows a file): the multipart posts of this client were answered with 500 ("UT000036:
   * Connection terminated parsing multipart data", see RESULTS.md); Faces reads both encodings
   * alike, and the lost-property form's photo is optional.
   */
  private HttpResponse<String> postStep(Element form) throws IOException, InterruptedException {
    Map<String, String> fields = hiddenFields(form);
    for (Element input : form.select("input[name^=a.], textarea[name^=a.]")) {
      String name = input.attr("name");
      String type = input.attr("type");
      if ("file".equals(type)) {
        continue;
      }
      String answer = ANSWERS.get(name.substring(2));
      if ("radio".equals(type) || "checkbox".equals(type)) {
        if (answer != null && answer.equals(input.attr("value"))) {
          fields.put(name, answer);
        }
      } else {
        fields.put(name, answer == null ? "" : answer);
      }
    }
    fields.put("step:next", form.selectFirst("[name='step:next']").attr("value"));
    return postForm(form.absUrl("action"), fields);
  }

  HttpResponse<String> postForm(String url, Map<String, String> fields)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(enc(e.getKey())).append('=').append(enc(e.getValue()));
    }
    return timed(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  private HttpResponse<String> timed(HttpRequest request) throws IOException, InterruptedException {
    long t = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    Recorder r = recorder;
    if (r != null) {
      Stage.record(r, System.nanoTime() - t);
    }
    java.util.function.Consumer<HttpResponse<String>> listener = afterPage;
    if (listener != null) {
      listener.accept(response);
    }
    if (response.statusCode() >= 500) {
      throw new IOException("HTTP " + response.statusCode() + " from " + response.uri());
    }
    return response;
  }

  private static Map<String, String> hiddenFields(Element form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[type=hidden]")) {
      if (!input.attr("name").isEmpty()) {
        fields.put(input.attr("name"), input.attr("value"));
      }
    }
    return fields;
  }

  /**
   * Cookies as a browser keeps them for {@code http://localhost}: Chromium treats localhost as a
   * secure context and sends {@code Secure} cookies there (Keycloak marks its session cookies
   * Secure + SameSite=None), the JDK's CookieManager does not. So the Secure flag is dropped on the
   * way in.
   */
  private static final class LocalhostCookies extends CookieManager {

    LocalhostCookies() {
      super(null, CookiePolicy.ACCEPT_ALL);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (h.getKey() == null || !h.getKey().equalsIgnoreCase("Set-Cookie")) {
          continue;
        }
        for (String value : h.getValue()) {
          for (java.net.HttpCookie cookie : java.net.HttpCookie.parse(value)) {
            cookie.setSecure(false);
            if (cookie.getPath() == null) {
              cookie.setPath("/");
            }
            getCookieStore().add(uri, cookie);
          }
        }
      }
    }
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static List<String> demoCitizens() {
    return List.of("luca.basis");
  }
}
