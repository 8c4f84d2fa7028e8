package eu.rathaus.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.rathaus.handoff.domain.StatusEvent;
import eu.rathaus.handoff.domain.StatusEventSigner;
import eu.rathaus.handoff.domain.SubmissionEnvelope;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small reference specialist procedure (Fachverfahren) for local runs and tests, the counterpart
 * of the portal's Subscriber API (README, "Ein Fachverfahren anbinden"): it signs in with its
 * destination's client (OAuth2 client credentials at Keycloak), lists the pending submissions,
 * fetches each, decrypts it with its private key (JWE RSA-OAEP-256 / A256GCM), checks every
 * attachment against its SHA-256 from the metadata, acknowledges it, and reports back with signed
 * events (JWS): received, in progress, decided — approved, with a notice PDF of its own.
 *
 * <p>{@code ./rathaus up} runs one for Musterstadt's dog-tax registration; tests call {@link
 * #pollOnce()} directly. As a program: {@code java -cp … eu.rathaus.launcher.ReferenceReceiver keys
 * <file>} prints the public keys (creating the key file), and {@code … run <file>} polls every few
 * seconds with {@code RECEIVER_PORTAL_URL}, {@code RECEIVER_TOKEN_URL}, {@code RECEIVER_CLIENT_ID},
 * {@code RECEIVER_CLIENT_SECRET} and {@code RECEIVER_DESTINATION} from the environment.
 */
public final class ReferenceReceiver implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReferenceReceiver.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The reasons of its decisions. */
  public static final String REASONS =
      "Die Angaben sind vollständig und die Voraussetzungen erfüllt. (Referenz-Fachverfahren)";

  /** The receiver's key pair: RSA for decrypting, EC P-256 for signing its events. */
  public record Keys(RSAKey encryption, ECKey signature) {

    /** New keys (RSA 2048, EC P-256), with key ids. */
    public static Keys generate() {
      try {
        return new Keys(
            new RSAKeyGenerator(2048)
                .keyUse(KeyUse.ENCRYPTION)
                .algorithm(JWEAlgorithm.RSA_OAEP_256)
                .keyID("enc-" + UUID.randomUUID().toString().substring(0, 8))
                .generate(),
            new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .keyID("sig-" + UUID.randomUUID().toString().substring(0, 8))
                .generate());
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The keys kept in {@code file} (a private JWK set, owner-only), made on first use. */
    public static Keys loadOrCreate(Path file) throws IOException {
      if (Files.exists(file)) {
        try {
          JWKSet set = JWKSet.load(file.toFile());
          return new Keys(
              (RSAKey)
                  set.getKeys().stream().filter(k -> k instanceof RSAKey).findFirst().orElseThrow(),
              (ECKey)
                  set.getKeys().stream().filter(k -> k instanceof ECKey).findFirst().orElseThrow());
        } catch (ParseException e) {
          throw new IOException("Unreadable key file " + file, e);
        }
      }
      Keys keys = generate();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file, new JWKSet(List.<JWK>of(keys.encryption, keys.signature)).toString(false));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      return keys;
    }

    public String encryptionPublicJson() {
      return encryption.toPublicJWK().toJSONString();
    }

    public String signaturePublicJson() {
      return signature.toPublicJWK().toJSONString();
    }
  }

  /** Where the receiver reaches the portal and Keycloak, and who it is. */
  public record Settings(
      URI portal,
      URI tokenEndpoint,
      String clientId,
      String clientSecret,
      UUID destinationId,
      Keys keys) {}

  /** One submission the receiver took: what it decrypted, and whether every hash matched. */
  public record Delivery(
      UUID submissionId, String reference, JsonNode document, boolean attachmentsIntact) {}

  private final Settings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Clock clock = Clock.systemUTC();
  private ScheduledExecutorService schedule;

  public ReferenceReceiver(Settings settings) {
    this.settings = settings;
  }

  /** Polls every {@code interval} in the background until {@link #close()}. */
  public ReferenceReceiver start(Duration interval) {
    schedule =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "reference-receiver");
              t.setDaemon(true);
              return t;
            });
    schedule.scheduleWithFixedDelay(
        () -> {
          try {
            pollOnce();
          } catch (Exception e) {
            LOG.log(Level.FINE, "Receiver poll failed, next round: {0}", e.toString());
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * One round: every pending submission fetched, decrypted, checked, acknowledged and decided.
   *
   * @return what it took this round (empty when nothing was pending)
   */
  public List<Delivery> pollOnce() throws IOException, InterruptedException {
    String token = token();
    JsonNode pending = JSON.readTree(send(get("/submissions", token), 200));
    List<Delivery> taken = new ArrayList<>();
    for (JsonNode row : pending.path("submissions")) {
      UUID id = UUID.fromString(row.path("id").asText());
      String jwe = send(get("/submissions/" + id, token), 200);
      JsonNode document = JSON.readTree(SubmissionEnvelope.open(jwe, settings.keys().encryption()));
      boolean intact = attachmentsIntact(document);
      if (!intact) {
        send(
            post(
                "/submissions/" + id + "/rejection",
                token,
                "application/json",
                "{\"reason\":\"Anhang beschädigt: SHA-256 stimmt nicht\"}"),
            204);
        continue;
      }
      send(post("/submissions/" + id + "/acknowledgement", token, "application/json", ""), 204);
      String reference = document.at("/metadata/reference").asText();
      event(token, id, StatusEvent.Kind.RECEIVED, null);
      event(token, id, StatusEvent.Kind.IN_PROGRESS, null);
      event(token, id, StatusEvent.Kind.DECIDED, noticePdf(reference));
      LOG.info("Reference receiver decided " + reference);
      taken.add(new Delivery(id, reference, document, true));
    }
    return taken;
  }

  /** Sends one signed event; the answer's status (202 when accepted). */
  public int event(String token, UUID submission, StatusEvent.Kind kind, byte[] notice)
      throws IOException, InterruptedException {
    String jws = signedEvent(submission, kind, notice);
    HttpResponse<String> response =
        http.send(post("/events", token, SubmissionEnvelope.MEDIA_TYPE, jws), bodyAsString());
    if (response.statusCode() != 202) {
      throw new IOException(
          "Event " + kind + " refused: " + response.statusCode() + " " + response.body());
    }
    return response.statusCode();
  }

  /** A signed event as this receiver makes it (decided = approved with {@link #REASONS}). */
  public String signedEvent(UUID submission, StatusEvent.Kind kind, byte[] notice) {
    return StatusEventSigner.sign(
        settings.keys().signature(),
        settings.destinationId(),
        submission,
        kind,
        kind == StatusEvent.Kind.DECIDED ? Boolean.TRUE : null,
        kind == StatusEvent.Kind.DECIDED ? REASONS : null,
        notice,
        clock.instant());
  }

  /** An access token of the destination's client (client credentials). */
  public String token() throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(settings.tokenEndpoint())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return JSON.readTree(send(request, 200)).path("access_token").asText();
  }

  private static boolean attachmentsIntact(JsonNode document) {
    JsonNode hashes = document.at("/metadata/attachments");
    JsonNode contents = document.path("attachments");
    if (hashes.size() != contents.size()) {
      return false;
    }
    for (int i = 0; i < hashes.size(); i++) {
      byte[] bytes = Base64.getDecoder().decode(contents.get(i).path("content").asText());
      if (!sha256(bytes).equals(hashes.get(i).path("sha256").asText())
          || !hashes.get(i).path("id").asText().equals(contents.get(i).path("id").asText())) {
        return false;
      }
    }
    return true;
  }

  /** Hex SHA-256, as the metadata states attachment hashes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A one-page PDF notice, written by hand (no PDF library in a reference receiver). */
  public static byte[] noticePdf(String reference) {
    String text = "Bescheid zu " + reference.replaceAll("[^A-Za-z0-9-]", "") + ": genehmigt";
    String stream = "BT /F1 14 Tf 72 760 Td (" + text + ") Tj ET";
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(api(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private HttpRequest post(String path, String token, String contentType, String body) {
    return HttpRequest.newBuilder(api(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private URI api(String path) {
    String base = settings.portal().toString().replaceAll("/$", "");
    return URI.create(base + "/api/v1/destinations/" + settings.destinationId() + path);
  }

  private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, bodyAsString());
    if (response.statusCode() != expected) {
      throw new IOException(
          request.method()
              + " "
              + request.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  private static HttpResponse.BodyHandler<String> bodyAsString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
  }

  /** {@code keys <file>} prints the public keys; {@code run <file>} polls (settings from env). */
  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !List.of("keys", "run").contains(args[0])) {
      System.err.println("usage: ReferenceReceiver keys|run <key file>");
      System.exit(2);
    }
    Keys keys = Keys.loadOrCreate(Path.of(args[1]));
    if (args[0].equals("keys")) {
      System.out.println("encryption key (JWK): " + keys.encryptionPublicJson());
      System.out.println("signature key (JWK):  " + keys.signaturePublicJson());
      return;
    }
    Settings settings =
        new Settings(
            URI.create(System.getenv("RECEIVER_PORTAL_URL")),
            URI.create(System.getenv("RECEIVER_TOKEN_URL")),
            System.getenv("RECEIVER_CLIENT_ID"),
            System.getenv("RECEIVER_CLIENT_SECRET"),
            UUID.fromString(System.getenv("RECEIVER_DESTINATION")),
            keys);
    try (ReferenceReceiver receiver =
        new ReferenceReceiver(settings).start(Duration.ofSeconds(3))) {
      Thread.currentThread().join();
    }
  }
}
