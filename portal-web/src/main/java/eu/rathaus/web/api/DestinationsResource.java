package eu.rathaus.web.api;

import eu.rathaus.handoff.application.Subscriber;
import eu.rathaus.handoff.domain.HandedOff;
import eu.rathaus.handoff.domain.SubmissionEnvelope;
import eu.rathaus.identity.BearerTokens;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Subscriber API (issue 14): a specialist procedure pulls the submissions handed off to its
 * destination, acknowledges or rejects each, and reports status events back. It signs in with its
 * destination's confidential Keycloak client (client credentials); the token names the destination
 * and its municipality ({@code rathaus_destination}, {@code rathaus_municipality}), and the request
 * runs in the staff scope of that municipality with the client id as subject, so row-level security
 * keeps it there. No token → 401; another destination's path → 403; errors are RFC 9457 problem
 * details.
 */
@Path("/destinations/{destination}")
@Tag(name = "Subscriber API", description = "Specialist procedures pull hand-offs and report back")
@SecurityRequirement(name = "destinationClient")
@APIResponse(
    responseCode = "401",
    description = "No or invalid client token",
    content =
        @Content(
            mediaType = ProblemJson.MEDIA_TYPE,
            schema = @Schema(implementation = ProblemJson.class)))
@APIResponse(
    responseCode = "403",
    description = "Another destination's path, or another municipality",
    content =
        @Content(
            mediaType = ProblemJson.MEDIA_TYPE,
            schema = @Schema(implementation = ProblemJson.class)))
@Produces({MediaType.APPLICATION_JSON, ProblemJson.MEDIA_TYPE})
public class DestinationsResource {

  static final int MAX_BODY = 8 * 1024 * 1024;

  @Inject ApiBearer bearer;
  @Inject CallerScope caller;
  @Inject MunicipalityRepository municipalities;
  @Inject Subscriber subscriber;

  /** One pending submission in the list. */
  @Schema(name = "PendingSubmission")
  public record PendingJson(
      @Schema(description = "Submission id") String id,
      @Schema(example = "MUS-2026-000123") String reference,
      @Schema(example = "demo.meldebescheinigung") String serviceKey,
      @Schema(description = "When it was handed off (ISO 8601)") String createdAt,
      @Schema(description = "How often it was fetched so far") int fetchCount) {}

  /** The pending list. */
  @Schema(name = "PendingSubmissions")
  public record PendingListJson(List<PendingJson> submissions) {}

  /** A rejection's body. */
  @Schema(name = "Rejection")
  public record RejectionJson(
      @Schema(example = "Zuständigkeit liegt beim Landratsamt", maxLength = 1000) String reason) {}

  @GET
  @Path("/submissions")
  @Operation(
      summary = "List pending submissions",
      description = "Submissions handed off and not yet acknowledged or rejected, oldest first.")
  @APIResponse(
      responseCode = "200",
      description = "The pending submissions (at most 100)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PendingListJson.class)))
  public Response pending(
      @PathParam("destination") @Parameter(description = "Destination id") String destination,
      @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization) {
    Access access = authorize(authorization, destination);
    if (access.refusal != null) {
      return access.refusal;
    }
    List<PendingJson> rows =
        subscriber.pending(access.destinationId).stream()
            .map(DestinationsResource::pendingJson)
            .toList();
    return Response.ok(new PendingListJson(rows)).build();
  }

  private static PendingJson pendingJson(HandedOff s) {
    return new PendingJson(
        s.id().toString(),
        s.referenceNumber(),
        s.serviceKey(),
        s.createdAt().toString(),
        s.fetchCount());
  }

  @GET
  @Path("/submissions/{submission}")
  @Produces({SubmissionEnvelope.MEDIA_TYPE, ProblemJson.MEDIA_TYPE})
  @Operation(
      summary = "Fetch a submission",
      description =
          "The submission sealed for the destination: JWE compact serialization, RSA-OAEP-256 with"
              + " the destination's public encryption key, A256GCM. Decrypted, a JSON document with"
              + " metadata, data (the answers) and attachments (base64, SHA-256 in the metadata).")
  @APIResponse(
      responseCode = "200",
      description = "The JWE",
      content = @Content(mediaType = SubmissionEnvelope.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "No such submission for this destination",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response fetch(
      @PathParam("destination") String destination,
      @PathParam("submission") String submission,
      @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization) {
    Access access = authorize(authorization, destination);
    if (access.refusal != null) {
      return access.refusal;
    }
    Optional<String> jwe = subscriber.fetch(access.destinationId, uuid(submission));
    return jwe.map(j -> Response.ok(j, SubmissionEnvelope.MEDIA_TYPE).build())
        .orElseGet(DestinationsResource::noSubmission);
  }

  @POST
  @Path("/submissions/{submission}/acknowledgement")
  @Operation(
      summary = "Acknowledge a submission",
      description =
          "The procedure has the submission: it leaves the pending list and the citizen's case"
              + " shows it handed over. Repeating it is answered the same.")
  @APIResponse(responseCode = "204", description = "Acknowledged")
  @APIResponse(
      responseCode = "404",
      description = "No such submission for this destination",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "409",
      description = "Rejected before",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response acknowledge(
      @PathParam("destination") String destination,
      @PathParam("submission") String submission,
      @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization) {
    Access access = authorize(authorization, destination);
    if (access.refusal != null) {
      return access.refusal;
    }
    return answer(subscriber.acknowledge(access.destinationId, uuid(submission)), 204);
  }

  @POST
  @Path("/submissions/{submission}/rejection")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reject a submission",
      description =
          "The procedure will not take it (e.g. not responsible); the reason goes on the case and"
              + " the case stays with the back office in Rathaus. Only a pending submission.")
  @APIResponse(responseCode = "204", description = "Rejected")
  @APIResponse(
      responseCode = "400",
      description = "No reason or longer than 1000 characters",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such submission for this destination",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not pending any more",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response reject(
      @PathParam("destination") String destination,
      @PathParam("submission") String submission,
      @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
      RejectionJson body) {
    Access access = authorize(authorization, destination);
    if (access.refusal != null) {
      return access.refusal;
    }
    return answer(
        subscriber.reject(
            access.destinationId, uuid(submission), body == null ? null : body.reason()),
        204);
  }

  @POST
  @Path("/events")
  @Consumes({SubmissionEnvelope.MEDIA_TYPE, MediaType.TEXT_PLAIN})
  @Operation(
      summary = "Report a status event",
      description =
          "A JWT signed (JWS compact) with the destination's signature key: iss = destination id,"
              + " sub = submission id, jti unique, iat within 10 minutes, event = received |"
              + " in-progress | decided; for decided: decision = approved | rejected, reasons, and"
              + " optionally notice (the notice PDF, base64).")
  @APIResponse(responseCode = "202", description = "Accepted and shown on the case")
  @APIResponse(
      responseCode = "400",
      description = "Signature, issuer, time or claims refused",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such submission for this destination",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "409",
      description = "Replayed event id, or the case does not allow it now",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response event(
      @PathParam("destination") String destination,
      @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
      String body) {
    Access access = authorize(authorization, destination);
    if (access.refusal != null) {
      return access.refusal;
    }
    if (body == null || body.length() > MAX_BODY) {
      return ProblemJson.response(
          400, "invalid-event", "The event is missing or too large", "At most 8 MB.");
    }
    return answer(subscriber.report(access.destinationId, body.strip()), 202);
  }

  /** The caller's destination, or the refusal to answer with. */
  private record Access(UUID destinationId, Response refusal) {}

  private Access authorize(String authorization, String destination) {
    Optional<BearerTokens.ClientCaller> client = bearer.client(authorization);
    if (client.isEmpty()) {
      return new Access(
          null,
          Response.fromResponse(
                  ProblemJson.response(
                      401,
                      "unauthorized",
                      "A valid client token is required",
                      "Send an access token of the destination's client (client credentials) as"
                          + " Authorization: Bearer <token>."))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .build());
    }
    UUID id = uuid(destination);
    Optional<Municipality> municipality =
        client.get().municipality() == null
            ? Optional.empty()
            : municipalities.findBySlug(client.get().municipality());
    if (id == null || !id.toString().equals(client.get().destination()) || municipality.isEmpty()) {
      return new Access(null, forbidden());
    }
    caller.set(TenantScope.staff(municipality.get().id(), client.get().clientId()));
    if (subscriber.own(id).isEmpty()) {
      return new Access(null, forbidden());
    }
    return new Access(id, null);
  }

  private static Response forbidden() {
    return ProblemJson.response(
        403,
        "forbidden",
        "Not this client's destination",
        "The token's client may only use its own destination in its own municipality.");
  }

  private static Response noSubmission() {
    return ProblemJson.response(
        404, "not-found", "No such submission", "This destination has no submission with this id.");
  }

  private static Response answer(Subscriber.Outcome outcome, int success) {
    return switch (outcome.result()) {
      case DONE -> Response.status(success).build();
      case NOT_FOUND -> ProblemJson.response(404, "not-found", "Not found", outcome.detail());
      case CONFLICT -> ProblemJson.response(409, "conflict", "Not possible now", outcome.detail());
      case REPLAYED ->
          ProblemJson.response(409, "replayed-event", "Event received before", outcome.detail());
      case INVALID -> ProblemJson.response(400, "invalid-request", "Refused", outcome.detail());
    };
  }

  private static UUID uuid(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
