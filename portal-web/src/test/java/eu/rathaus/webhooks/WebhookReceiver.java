package eu.rathaus.webhooks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test double of a municipality's system: a minimal HTTP/1.1 server on a port of this machine
 * (plain sockets, so it runs inside WildFly too) that records every POST it answers and answers
 * with {@link #status}. {@link #stop} closes the port (the sender then gets "connection refused"),
 * {@link #start} opens the same port again.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as received: lower-case header names, the body as text, the status answered. */
  record Received(Map<String, String> headers, String body, int answered) {
    String header(String name) {
      return headers.get(name);
    }

    /**
     * The Standard Webhooks check, written here from the specification, not with the portal's code:
     * one of the space-separated signatures is the HMAC of {@code secret}, and the timestamp is
     * within five minutes.
     */
    boolean verifies(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(
            new SecretKeySpec(
                Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = header("webhook-id") + "." + header("webhook-timestamp") + "." + body;
        String expected =
            "v1,"
                + Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        long age = Instant.now().getEpochSecond() - Long.parseLong(header("webhook-timestamp"));
        return List.of(header("webhook-signature").split(" ")).contains(expected)
            && Math.abs(age) < 300;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  volatile int status = 204;
  private final int port;
  private volatile ServerSocket server;

  WebhookReceiver() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
  }

  String url() {
    return "http://localhost:" + port + "/rathaus-hook";
  }

  synchronized void start() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(port));
    server = s;
    Thread accept = new Thread(() -> accept(s), "webhook-receiver-" + port);
    accept.setDaemon(true);
    accept.start();
  }

  synchronized void stop() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  /** The requests whose body contains {@code marker} (other tests' events are ignored). */
  List<Received> with(String marker) {
    return received.stream().filter(r -> r.body().contains(marker)).toList();
  }

  /** Waits until at least {@code count} requests contain {@code marker}. */
  List<Received> await(String marker, int count, long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (with(marker).size() < count && System.currentTimeMillis() < end) {
      Thread.sleep(100);
    }
    return with(marker);
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try (Socket socket = s.accept()) {
        socket.setSoTimeout(10_000);
        handle(socket);
      } catch (IOException e) {
        // closed, or a broken request: go on with the next one
      }
    }
  }

  private void handle(Socket socket) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream());
    String requestLine = line(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return;
    }
    Map<String, String> headers = new TreeMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.put(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    int answer = status;
    received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), answer));
    OutputStream out = socket.getOutputStream();
    out.write(
        ("HTTP/1.1 " + answer + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        buffer.write(b);
      }
    }
    if (b == -1 && buffer.size() == 0) {
      return null;
    }
    return buffer.toString(StandardCharsets.US_ASCII);
  }
}
