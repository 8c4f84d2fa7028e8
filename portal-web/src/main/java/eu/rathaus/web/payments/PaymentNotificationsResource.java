package eu.rathaus.web.payments;

import eu.rathaus.payments.application.PaymentNotifications;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/payments/notifications/{provider}}: a payment provider's server-to-server
 * notification. The body is taken as raw bytes, because the signature covers exactly those bytes;
 * parsing comes only after the check ({@link PaymentNotifications}). Answers: 200 processed (also for
 * a repeat), 401 bad signature or stale timestamp, 400 malformed, 404 unknown provider or payment,
 * 409 not allowed in the payment's state, 422 amount mismatch — so the provider stops retrying only
 * when we have it.
 */
@Path("/payments/notifications/{provider}")
public class PaymentNotificationsResource {

  @Inject PaymentNotifications notifications;

  @POST
  @Operation(summary = "Signed notification from a hosted payment provider", hidden = true)
  public Response receive(@PathParam("provider") String provider, @Context HttpHeaders headers, byte[] body) {
    Map<String, String> lowerCase = new HashMap<>();
    for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
      if (!header.getValue().isEmpty()) {
        lowerCase.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
      }
    }
    PaymentNotifications.Result result = notifications.receive(provider, lowerCase, body == null ? new byte[0] : body);
    return Response.status(result.httpStatus()).entity(result.name()).type("text/plain").build();
  }
}
