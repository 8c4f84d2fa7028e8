package eu.rathaus.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches every mail the portal and Keycloak send locally and shows it in a small read-only web
 * inbox.
 *
 * <p>Local runs must never deliver real mail, yet developers need to see password resets and
 * notices; tests need the same mails as objects ({@link #messages()}). The inbox renders untrusted
 * content, so everything is HTML-escaped and a strict Content-Security-Policy forbids scripts: a
 * mail body can never run code in the developer's browser.
 */
public final class MailCatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MailCatcher.class);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault());
  static final String TITLE = "Rathaus – lokales Postfach";

  /** A caught mail, decoded for display and assertions. */
  public record ReceivedMail(
      int number,
      String messageId,
      String from,
      List<String> to,
      String subject,
      Instant date,
      String textBody,
      String htmlBody) {

    /** The text part if there is one, else the HTML source; never null. */
    public String displayBody() {
      if (textBody != null) {
        return textBody;
      }
      return htmlBody == null ? "" : htmlBody;
    }
  }

  private final GreenMail greenMail;
  private final HttpServer http;

  private MailCatcher(GreenMail greenMail, HttpServer http) {
    this.greenMail = greenMail;
    this.http = http;
  }

  /**
   * Starts SMTP on {@code 127.0.0.1:smtpPort} (any user, any password) and the web inbox on {@code
   * webPort}.
   */
  public static MailCatcher start(int smtpPort, int webPort) {
    GreenMail greenMail =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), webPort), 0);
      MailCatcher catcher = new MailCatcher(greenMail, http);
      http.createContext("/", catcher::handle);
      http.setExecutor(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "mail-inbox");
                t.setDaemon(true);
                return t;
              }));
      http.start();
      return catcher;
    } catch (IOException | RuntimeException e) {
      greenMail.stop();
      throw new StackException(
          "Das Mail-Postfach konnte nicht starten / the mail inbox could not start on port "
              + webPort
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Starts with the ports from the stack configuration. */
  public static MailCatcher start(StackConfig config) {
    return start(config.smtpPort(), config.mailWebPort());
  }

  /**
   * All caught mails, oldest first. GreenMail files a mail once per recipient mailbox, so copies
   * are folded by Message-ID into one entry listing all recipients.
   */
  public List<ReceivedMail> messages() {
    MimeMessage[] received = greenMail.getReceivedMessages();
    Map<String, MimeMessage> unique = new LinkedHashMap<>();
    for (MimeMessage message : received) {
      unique.putIfAbsent(key(message), message);
    }
    List<MimeMessage> ordered = new ArrayList<>(unique.values());
    ordered.sort(Comparator.comparing(MailCatcher::date));
    List<ReceivedMail> result = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      result.add(toReceived(i + 1, ordered.get(i)));
    }
    return result;
  }

  /**
   * Waits until at least {@code count} mails arrived, for tests that trigger a mail and then read
   * it.
   */
  public boolean awaitMessages(int count, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      if (messages().size() >= count) {
        return true;
      }
      ManagedProcess.sleep(100);
    }
    return messages().size() >= count;
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  public int webPort() {
    return http.getAddress().getPort();
  }

  public void stop() {
    http.stop(0);
    greenMail.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private static String key(MimeMessage message) {
    try {
      String id = message.getMessageID();
      return id != null ? id : Integer.toHexString(System.identityHashCode(message));
    } catch (MessagingException e) {
      return Integer.toHexString(System.identityHashCode(message));
    }
  }

  private static Instant date(MimeMessage message) {
    try {
      if (message.getReceivedDate() != null) {
        return message.getReceivedDate().toInstant();
      }
      if (message.getSentDate() != null) {
        return message.getSentDate().toInstant();
      }
    } catch (MessagingException e) {
      LOG.debug("Mail without readable date: {}", e.toString());
    }
    return Instant.EPOCH;
  }

  private static ReceivedMail toReceived(int number, MimeMessage message) {
    try {
      String from =
          Optional.ofNullable(message.getFrom())
              .filter(a -> a.length > 0)
              .map(a -> a[0].toString())
              .orElse("");
      Address[] recipients = message.getRecipients(Message.RecipientType.TO);
      List<String> to =
          recipients == null
              ? List.of()
              : Arrays.stream(recipients).map(Address::toString).collect(Collectors.toList());
      String[] bodies = new String[2];
      collectBodies(message, bodies);
      return new ReceivedMail(
          number,
          message.getMessageID(),
          from,
          to,
          Optional.ofNullable(message.getSubject()).orElse(""),
          date(message),
          bodies[0],
          bodies[1]);
    } catch (MessagingException | IOException e) {
      return new ReceivedMail(
          number,
          null,
          "",
          List.of(),
          "(nicht lesbar / unreadable)",
          date(message),
          "Die Nachricht konnte nicht gelesen werden / could not be decoded: " + e.getMessage(),
          null);
    }
  }

  /** Finds the first text/plain and the first text/html part, however deeply nested. */
  private static void collectBodies(Part part, String[] bodies)
      throws MessagingException, IOException {
    if (part.isMimeType("text/plain")
        && bodies[0] == null
        && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      bodies[0] = String.valueOf(part.getContent());
    } else if (part.isMimeType("text/html") && bodies[1] == null) {
      bodies[1] = String.valueOf(part.getContent());
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collectBodies(child, bodies);
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        send(exchange, 405, page("Nicht erlaubt", "<p>Nur Lesen / read-only.</p>"));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if ("/".equals(path)) {
        send(exchange, 200, renderList(messages()));
      } else if (path.startsWith("/message/")) {
        Optional<ReceivedMail> mail =
            parseNumber(path.substring("/message/".length()))
                .flatMap(n -> messages().stream().filter(m -> m.number() == n).findFirst());
        if (mail.isPresent()) {
          send(exchange, 200, renderMessage(mail.get()));
        } else {
          send(
              exchange,
              404,
              page(
                  "Nicht gefunden",
                  "<p>Diese Nachricht gibt es nicht / no such message."
                      + " <a href=\"/\">Zur Übersicht</a></p>"));
        }
      } else {
        send(exchange, 404, page("Nicht gefunden", "<p><a href=\"/\">Zur Übersicht</a></p>"));
      }
    } catch (RuntimeException e) {
      LOG.warn("Mail inbox request failed: {}", e.toString());
    }
  }

  private static Optional<Integer> parseNumber(String raw) {
    try {
      return Optional.of(Integer.parseInt(raw));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String renderList(List<ReceivedMail> mails) {
    StringBuilder body = new StringBuilder();
    body.append("<p>")
        .append(mails.size())
        .append(mails.size() == 1 ? " Nachricht" : " Nachrichten")
        .append(", neueste zuerst. Die Seite aktualisiert sich nicht selbst.</p>\n");
    if (mails.isEmpty()) {
      body.append("<p>Noch keine Nachrichten eingegangen.</p>\n");
    } else {
      body.append(
          "<table>\n<caption>Empfangene Nachrichten</caption>\n<thead><tr>"
              + "<th scope=\"col\">Datum</th><th scope=\"col\">Von</th><th scope=\"col\">An</th>"
              + "<th scope=\"col\">Betreff</th></tr></thead>\n<tbody>\n");
      List<ReceivedMail> newestFirst = new ArrayList<>(mails);
      newestFirst.sort(Comparator.comparing(ReceivedMail::number).reversed());
      for (ReceivedMail mail : newestFirst) {
        String subject = mail.subject().isBlank() ? "(kein Betreff)" : mail.subject();
        body.append("<tr><td>")
            .append(escape(DATE.format(mail.date())))
            .append("</td><td>")
            .append(escape(mail.from()))
            .append("</td><td>")
            .append(escape(String.join(", ", mail.to())))
            .append("</td><td><a href=\"/message/")
            .append(mail.number())
            .append("\">")
            .append(escape(subject))
            .append("</a></td></tr>\n");
      }
      body.append("</tbody>\n</table>\n");
    }
    return page(TITLE, body.toString());
  }

  static String renderMessage(ReceivedMail mail) {
    String subject = mail.subject().isBlank() ? "(kein Betreff)" : mail.subject();
    String note =
        mail.textBody() == null && mail.htmlBody() != null
            ? "<p>Diese Nachricht hat nur einen HTML-Teil; gezeigt wird der Quelltext.</p>\n"
            : "";
    String body =
        "<p><a href=\"/\">Zurück zur Übersicht</a></p>\n"
            + "<h2>"
            + escape(subject)
            + "</h2>\n"
            + "<dl>\n<dt>Von</dt><dd>"
            + escape(mail.from())
            + "</dd>\n"
            + "<dt>An</dt><dd>"
            + escape(String.join(", ", mail.to()))
            + "</dd>\n"
            + "<dt>Datum</dt><dd>"
            + escape(DATE.format(mail.date()))
            + "</dd>\n</dl>\n"
            + note
            + "<pre>"
            + escape(mail.displayBody())
            + "</pre>\n";
    return page(TITLE + " – " + subject, body);
  }

  private static String page(String title, String content) {
    return "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + escape(title)
        + "</title>\n"
        + "<style>body{font-family:sans-serif;margin:1.5rem;color:#1a1a1a}"
        + "table{border-collapse:collapse}th,td{border:1px solid #767676;padding:.3rem .6rem;text-align:left}"
        + "pre{white-space:pre-wrap;border:1px solid #767676;padding:.8rem}a{color:#0b4f8a}</style>\n"
        + "</head>\n<body>\n<header><h1>"
        + escape(TITLE)
        + "</h1></header>\n<main>\n"
        + content
        + "</main>\n</body>\n</html>\n";
  }

  /** Escapes the five HTML-significant characters; enough for text and attribute content. */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void send(HttpExchange exchange, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
