package eu.rathaus.web.payments;

import eu.rathaus.payments.application.PaymentNotifications;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/payments/notifications/{provider}}: a payment provider's server-to-server
 * notification. The body is taken as raw bytes, because the signature covers exactly those bytes;
 * parsing comes only after the check ({@link PaymentNotifications}). Answers: 200 processed (also
 * for a repeat), 401 bad signature or stale timestamp, 400 malformed, 404 unknown provider or
 * payment, 409 not allowed in the payment's state, 413 body larger than {@link #MAX_BODY_BYTES},
 * 422 amount mismatch — so the provider stops retrying only when we have it.
 *
 * <p>The endpoint is open to anyone (the signature is the authentication), so it reads no more than
 * {@link #MAX_BODY_BYTES}: a declared larger length is refused before reading, an undeclared one
 * (chunked) stops reading one byte past the cap. A real notification is a few hundred bytes.
 */
@Path("/payments/notifications/{provider}")
public class PaymentNotificationsResource {

  private static final Logger LOG = Logger.getLogger(PaymentNotificationsResource.class.getName());

  /** The largest notification body read (8 KiB). */
  static final int MAX_BODY_BYTES = 8 * 1024;

  @Inject PaymentNotifications notifications;

  @POST
  @Operation(summary = "Signed notification from a hosted payment provider", hidden = true)
  public Response receive(
      @PathParam("provider") String provider, @Context HttpHeaders headers, InputStream body)
      throws IOException {
    if (headers.getLength() > MAX_BODY_BYTES) {
      return tooLarge(provider);
    }
    byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      return tooLarge(provider);
    }
    Map<String, String> lowerCase = new HashMap<>();
    for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
      if (!header.getValue().isEmpty()) {
        lowerCase.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
      }
    }
    PaymentNotifications.Result result = notifications.receive(provider, lowerCase, bytes);
    return Response.status(result.httpStatus()).entity(result.name()).type("text/plain").build();
  }

  private static Response tooLarge(String provider) {
    LOG.log(
        Level.INFO,
        "Payment notification for {0} refused: body larger than {1} bytes",
        new Object[] {provider, MAX_BODY_BYTES});
    return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
        .entity("TOO_LARGE")
        .type("text/plain")
        .build();
  }
}
