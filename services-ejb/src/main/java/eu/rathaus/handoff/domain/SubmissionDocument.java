package eu.rathaus.handoff.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The plaintext of a handed-off submission, before it is sealed ({@link SubmissionEnvelope}): one
 * JSON document with {@code metadata} (submission id, service key and title, FIM ids of the fields
 * if the form came from FIM, reference number, municipality, submission time, language, payment
 * state, every attachment's name, type, size and SHA-256), {@code data} (the answers exactly as the
 * form stored them, keyed by field key) and {@code attachments} (each file's bytes, base64).
 */
public record SubmissionDocument(
    UUID submissionId,
    String serviceKey,
    String serviceTitle,
    Map<String, String> fimIds,
    String referenceNumber,
    String municipalitySlug,
    String municipalityName,
    String municipalityAgs,
    Instant submittedAt,
    String language,
    String paymentState,
    long feeCents,
    String answersJson,
    List<File> files) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One attachment. */
  public record File(UUID id, String fileName, String contentType, String sha256, byte[] content) {}

  public byte[] toJson() {
    try {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode meta = root.putObject("metadata");
      meta.put("submissionId", submissionId.toString());
      meta.put("serviceKey", serviceKey);
      meta.put("serviceTitle", serviceTitle);
      if (!fimIds.isEmpty()) {
        ObjectNode fim = meta.putObject("fimFields");
        fimIds.forEach(fim::put);
      }
      meta.put("reference", referenceNumber);
      ObjectNode municipality = meta.putObject("municipality");
      municipality.put("slug", municipalitySlug);
      municipality.put("name", municipalityName);
      municipality.put("ags", municipalityAgs);
      meta.put("submittedAt", submittedAt.toString());
      meta.put("language", language);
      ObjectNode payment = meta.putObject("payment");
      payment.put("state", paymentState);
      payment.put("amountCents", feeCents);
      payment.put("currency", "EUR");
      ArrayNode hashes = meta.putArray("attachments");
      ArrayNode contents = root.putArray("attachments");
      for (File f : files) {
        ObjectNode h = hashes.addObject();
        h.put("id", f.id().toString());
        h.put("fileName", f.fileName());
        h.put("contentType", f.contentType());
        h.put("size", f.content().length);
        h.put("sha256", f.sha256());
        ObjectNode c = contents.addObject();
        c.put("id", f.id().toString());
        c.put("content", Base64.getEncoder().encodeToString(f.content()));
      }
      root.set("data", JSON.readTree(answersJson == null ? "{}" : answersJson));
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
