package eu.rathaus.benchmarks.drills;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Drill (d): generated bad input against the running portal over raw sockets (so malformed escapes,
 * broken multipart bodies and odd headers reach the server exactly as sent): query strings of the
 * public pages and the API, headers, bodies of the API's POST endpoint, and the citizen's form
 * steps and uploads (signed in, with a real Faces view state). Every response is classified by
 * status; any 5xx fails the drill. Deterministic for a seed.
 */
public final class FuzzDrill {

  /** Bad values: long, control characters, broken Unicode, injections, odd numbers and dates. */
  static final List<String> NASTY =
      List.of(
          "",
          " ",
          "\u0000",
          "a\u0000b",
          "\r\nX-Injected: 1",
          "'; drop table case_application; --",
          "' or '1'='1",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "#{7*7}",
          "${7*7}",
          "%s%s%s%n",
          "../../../../etc/passwd",
          "..%2f..%2fWEB-INF%2fweb.xml",
          "\uD800",
          "\uDFFF\uD800",
          "\u202Eevil",
          "😀🙈👩‍👩‍👧",
          "ÄÖÜäöüß",
          "-1",
          "0",
          "99999999999999999999999999",
          "1e309",
          "NaN",
          "-0",
          "0x1F",
          "31.02.2026",
          "00.00.0000",
          "29.02.2025",
          "1.1.1",
          "9999-12-31",
          "true",
          "null",
          "{}",
          "[]",
          "{\"a\":",
          "\\",
          "%",
          "%ZZ",
          "%C0%AE",
          "+",
          "a@b",
          "@@",
          "x".repeat(300),
          "y".repeat(5000),
          "z".repeat(70000));

  /** One request and what came back. */
  public record Outcome(String kind, int status, String request) {}

  private final String host;
  private final int port;
  private final Random random;

  public FuzzDrill(String host, int port, long seed) {
    this.host = host;
    this.port = port;
    this.random = new Random(seed);
  }

  public String nasty() {
    String v = NASTY.get(random.nextInt(NASTY.size()));
    if (random.nextInt(4) == 0) {
      // random bytes as Latin-1 text: arbitrary octets on the wire
      byte[] b = new byte[1 + random.nextInt(200)];
      random.nextBytes(b);
      v = new String(b, StandardCharsets.ISO_8859_1);
    } else if (random.nextInt(5) == 0) {
      v = v + NASTY.get(random.nextInt(NASTY.size()));
    }
    return v;
  }

  /** URL-encoded most of the time, raw (invalid on the wire) sometimes. */
  public String inQuery(String v) {
    if (random.nextInt(5) == 0) {
      StringBuilder s = new StringBuilder();
      for (char ch : v.toCharArray()) {
        s.append(
            ch < 0x21 || ch > 0x7e ? "%" + Integer.toHexString(ch & 0xff) : String.valueOf(ch));
      }
      return s.toString();
    }
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  /**
   * Sends one raw HTTP/1.1 request and returns the status (0: no valid status line, -1: timed out).
   */
  public int send(String method, String target, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes(
          (method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      for (Map.Entry<String, String> h : headers.entrySet()) {
        head.writeBytes(
            (h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      if (body != null && !headers.containsKey("Content-Length")) {
        head.writeBytes(
            ("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      head.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.write(head.toByteArray());
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      ByteArrayOutputStream first = new ByteArrayOutputStream();
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (first.size() < 64) {
          first.write(buffer, 0, Math.min(n, 64));
        }
      }
      String line = first.toString(StandardCharsets.ISO_8859_1);
      if (line.startsWith("HTTP/1.") && line.length() >= 12) {
        return Integer.parseInt(line.substring(9, 12));
      }
      return 0;
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (IOException e) {
      // The server closing a connection on a request it refuses to parse is a valid answer.
      return 0;
    }
  }

  /**
   * Runs {@code total} generated requests with {@code threads} workers; {@code formCase} supplies
   * the signed-in cases (may be null).
   */
  public static List<Outcome> run(
      String host,
      int port,
      long seed,
      int total,
      int threads,
      List<Supplier<Outcome>> signedIn,
      List<String> pageTargets)
      throws InterruptedException {
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    Map<Integer, FuzzDrill> perThread = new ConcurrentHashMap<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread w =
          new Thread(
              () -> {
                FuzzDrill f =
                    perThread.computeIfAbsent(id, k -> new FuzzDrill(host, port, seed + id));
                while (next.getAndIncrement() < total) {
                  int kind = f.random.nextInt(10);
                  if (kind < 4 && signedIn != null && !signedIn.isEmpty()) {
                    outcomes.add(signedIn.get(id % signedIn.size()).get());
                  } else {
                    outcomes.add(f.anonymous(kind, pageTargets));
                  }
                }
              });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return outcomes;
  }

  /** Anonymous cases: query strings, headers, API bodies, forged Faces posts. */
  Outcome anonymous(int kind, List<String> pageTargets) {
    Map<String, String> headers = new LinkedHashMap<>();
    switch (kind % 4) {
      case 0 -> {
        String target = pageTargets.get(random.nextInt(pageTargets.size())) + inQuery(nasty());
        return new Outcome("query", send("GET", target, headers, null), "GET " + cut(target));
      }
      case 1 -> {
        String[] names = {
          "Accept-Language",
          "Cookie",
          "Accept",
          "If-None-Match",
          "If-Modified-Since",
          "Range",
          "X-Forwarded-For",
          "X-Forwarded-Proto",
          "Content-Type",
          "User-Agent",
          "Authorization",
          "Origin"
        };
        String name = names[random.nextInt(names.length)];
        String value = nasty().replace("\r", "").replace("\n", "");
        if (name.equals("Cookie") && random.nextBoolean()) {
          value = "JSESSIONID=" + value;
        }
        if (name.equals("Authorization") && random.nextBoolean()) {
          value = "Bearer " + value;
        }
        String target = pageTargets.get(random.nextInt(pageTargets.size())) + "x";
        headers.put(name, value);
        return new Outcome(
            "header", send("GET", target, headers, null), name + ": " + cut(value) + " " + target);
      }
      case 2 -> {
        String[] providers = {"sandbox", "demo", "", "..", nasty()};
        String provider =
            URLEncoder.encode(providers[random.nextInt(providers.length)], StandardCharsets.UTF_8);
        String target = "/api/v1/payments/notifications/" + provider;
        String[] types = {"application/json", "text/plain", "application/xml", nasty(), ""};
        headers.put("Content-Type", types[random.nextInt(types.length)].replaceAll("[\r\n]", ""));
        byte[] body =
            random.nextBoolean()
                ? ("{\"paymentId\":\"" + nasty() + "\",\"status\":" + nasty() + "}")
                    .getBytes(StandardCharsets.UTF_8)
                : nasty().getBytes(StandardCharsets.ISO_8859_1);
        return new Outcome(
            "api-body",
            send("POST", target, headers, body),
            "POST " + cut(target) + " " + cut(new String(body, StandardCharsets.ISO_8859_1)));
      }
      default -> {
        // A form post without a session or with a forged view state.
        String[] pages = {
          "/citizen/apply.xhtml", "/index.xhtml", "/service.xhtml", "/municipality.xhtml"
        };
        String target = pages[random.nextInt(pages.length)];
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        String body =
            "jakarta.faces.ViewState="
                + inQuery(nasty())
                + "&step=step&step%3Anext=Weiter&a.reportType="
                + inQuery(nasty());
        return new Outcome(
            "forged-post",
            send("POST", target, headers, body.getBytes(StandardCharsets.ISO_8859_1)),
            "POST " + target + " " + cut(body));
      }
    }
  }

  public static String cut(String s) {
    String clean = s.replaceAll("[\\p{Cntrl}]", "?");
    return clean.length() > 120 ? clean.substring(0, 120) + "…(" + s.length() + ")" : clean;
  }
}
