package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs a real GreenMail on free ports: the SMTP round trip is what the portal relies on. */
class MailCatcherTest {

  private MailCatcher catcher;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    catcher = MailCatcher.start(Ports.freePort(), Ports.freePort());
  }

  @AfterEach
  void stop() {
    catcher.stop();
  }

  @Test
  void inboxListsMailsAndEscapesTheirContent() throws Exception {
    send("Ihr Antrag <b>eingegangen</b>", "Hallo <script>alert('x')</script> & Tschüss", null);

    assertThat(catcher.awaitMessages(1, 5000)).isTrue();
    String list = get("/");
    assertThat(list)
        .contains(
            "<html lang=\"de\">",
            "<main>",
            "<th scope=\"col\">Betreff</th>",
            "Rathaus – lokales Postfach",
            "Ihr Antrag &lt;b&gt;eingegangen&lt;/b&gt;",
            "erika@example.org");
    assertThat(list).doesNotContain("<b>eingegangen");

    String message = get("/message/1");
    assertThat(message)
        .contains("Hallo &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Tschüss");
    assertThat(message).doesNotContain("<script>");
  }

  @Test
  void htmlOnlyMailShowsEscapedSourceAndTextPartIsPreferred() throws Exception {
    send("Nur HTML", null, "<p onclick=\"evil()\">Hallo</p>");
    send("Beides", "Klartext-Teil", "<p>HTML-Teil</p>");

    assertThat(catcher.awaitMessages(2, 5000)).isTrue();
    assertThat(catcher.messages())
        .extracting(MailCatcher.ReceivedMail::subject)
        .containsExactly("Nur HTML", "Beides");
    assertThat(catcher.messages().get(1).displayBody()).contains("Klartext-Teil");
    assertThat(get("/message/1"))
        .contains("&lt;p onclick=&quot;evil()&quot;&gt;Hallo&lt;/p&gt;")
        .doesNotContain("<p onclick");
    assertThat(get("/")).containsSubsequence("Beides", "Nur HTML"); // newest first
  }

  @Test
  void unknownMessageIs404() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/message/99")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
  }

  private void send(String subject, String text, String html) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", Integer.toString(catcher.smtpPort()));
    Session session = Session.getInstance(props);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("noreply@rathaus.local"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("erika@example.org"));
    message.setSubject(subject, "UTF-8");
    if (html == null) {
      message.setText(text, "UTF-8");
    } else if (text == null) {
      message.setContent(html, "text/html; charset=UTF-8");
    } else {
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart textPart = new MimeBodyPart();
      textPart.setText(text, "UTF-8");
      MimeBodyPart htmlPart = new MimeBodyPart();
      htmlPart.setContent(html, "text/html; charset=UTF-8");
      alternative.addBodyPart(textPart);
      alternative.addBodyPart(htmlPart);
      message.setContent(alternative);
    }
    Transport.send(message);
    Thread.sleep(20); // distinct receive timestamps keep the order assertion meaningful
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + catcher.webPort() + path);
  }
}
