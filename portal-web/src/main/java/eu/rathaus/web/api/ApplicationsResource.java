package eu.rathaus.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.AnswersSubmission;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.catalogue.domain.CatalogueMessages;
import eu.rathaus.catalogue.domain.FormDefinitionValidator;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.identity.CurrentUser;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The submission API (issue 14): another front end (an app, a chatbot, the state's portal) submits
 * an application on behalf of a signed-in citizen, with the same checks, fee, audit entry, case,
 * confirmation mail and receipt as the web form — it drives the same {@link ApplicationJourney}
 * (new form, each step saved and checked, submission with the idempotency key).
 *
 * <p>The citizen is the subject of the OAuth2 access token from the portal's Keycloak realm ({@link
 * ApiBearer}); the level of assurance in the token must reach the service's. The {@code
 * Idempotency-Key} header makes retries safe: the same key again answers with the one application
 * it made. Every error is RFC 9457 problem details ({@link ProblemJson}); answers that fail the
 * form's checks store nothing.
 */
@Path("/municipalities/{slug}/services/{key}/applications")
@Tag(name = "Applications", description = "Submitting applications on behalf of a citizen")
public class ApplicationsResource {

  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9-]{16,64}");
  static final int MAX_BODY_CHARS = 200_000;

  @Inject ApiBearer bearer;
  @Inject CallerScope caller;
  @Inject ApplicationJourney journey;
  @Inject AnswersSubmission submission;

  /** The request body: the answers keyed by field key, as the form's definition describes them. */
  @Schema(name = "ApplicationRequest")
  public record ApplicationRequest(
      @Schema(
              type = SchemaType.OBJECT,
              description =
                  "Answers keyed by field key: strings (text, date yyyy-MM-dd, choice key),"
                      + " numbers, booleans, arrays of choice keys, postal address objects",
              example = "{\"reportType\":\"lost\",\"itemCategory\":\"keys\"}")
          Object answers) {}

  /** The answer to a submission (also to a repeated one with the same key). */
  @Schema(name = "SubmittedApplication")
  public record SubmittedJson(
      @Schema(example = "MUS-2026-000123") String reference,
      @Schema(example = "submitted") String status,
      @Schema(
              description = "The PDF receipt, for the citizen signed in to the portal",
              example = "/citizen/receipt?ref=MUS-2026-000123")
          String receipt) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, ProblemJson.MEDIA_TYPE})
  @SecurityRequirement(name = "citizenBearer")
  @Operation(
      summary = "Submit an application",
      description =
          "Submits an application to a service of a municipality for the citizen of the bearer"
              + " token, checked like the web form (required answers, formats, conditions), with"
              + " its fee, case, audit entry, confirmation and receipt. Retrying with the same"
              + " Idempotency-Key answers with the application the first request made.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Submitted (or submitted before with this key)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SubmittedJson.class)))
  @APIResponse(
      responseCode = "400",
      description = "No or bad Idempotency-Key, body not a JSON object",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "401",
      description = "No or invalid bearer token",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "403",
      description = "Not a citizen, or the level of assurance is too low",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown municipality or service",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "422",
      description = "Answers refused; nothing stored",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "503",
      description = "The municipality cannot take applications for the service now",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response submit(
      @PathParam("slug") @Parameter(description = "Municipality", example = "musterstadt")
          String slug,
      @PathParam("key")
          @Parameter(description = "Service key (LeiKa/FIM)", example = "demo.fundsache-verlust")
          String key,
      @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
      @HeaderParam("Idempotency-Key")
          @Parameter(
              required = true,
              description =
                  "16 to 64 letters, digits or hyphens (e.g. a UUID), one per application",
              example = "3f6c1f0e-8c1b-4d9b-a7a5-3b1f2c9d0e11")
          String idempotencyKey,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Parameter(hidden = true) String language,
      @Context UriInfo uri,
      String body) {
    Optional<CurrentUser> user = bearer.user(authorization);
    if (user.isEmpty()) {
      return Response.fromResponse(
              ProblemJson.response(
                  401,
                  "unauthorized",
                  "A valid bearer token is required",
                  "Send the citizen's access token from the portal's Keycloak realm as"
                      + " Authorization: Bearer <token>."))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .build();
    }
    if (!user.get().roles().contains(CurrentUser.CITIZEN)) {
      return ProblemJson.response(
          403,
          "not-a-citizen",
          "Only citizens submit applications",
          "The token has no citizen role.");
    }
    if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      return ProblemJson.response(
          400,
          "idempotency-key",
          "An Idempotency-Key header is required",
          "Idempotency-Key: 16 to 64 letters, digits or hyphens, e.g. a UUID.");
    }
    caller.set(TenantScope.citizen(user.get().subject()));
    Optional<ObjectNode> answers = answers(body);
    if (answers.isEmpty()) {
      Optional<ReferenceNumber> earlier = journey.submittedWith(idempotencyKey);
      if (earlier.isPresent()) {
        return submitted(earlier.get(), uri);
      }
      return ProblemJson.response(
          400,
          "invalid-body",
          "The body must be a JSON object with an object \"answers\"",
          "Example: {\"answers\": {\"lastName\": \"Mustermann\"}}");
    }
    Locale locale = locale(language);
    AnswersSubmission.Outcome outcome;
    try {
      // The key's earlier application, the form, the checks, the drafts and the submission in one
      // transaction: a refusal stores nothing.
      outcome =
          submission.submit(
              slug,
              key,
              idempotencyKey,
              answers.get(),
              new AnswersSubmission.Applicant(
                  user.get().levelOfAssurance(), user.get().email(), user.get().displayName()),
              locale.getLanguage());
    } catch (RuntimeException e) {
      // Two requests with the same key at once: the database's unique key lets one win, the
      // other's transaction is rolled back; it answers with the winner's application.
      Optional<ReferenceNumber> winner = journey.submittedWith(idempotencyKey);
      if (winner.isPresent()) {
        return submitted(winner.get(), uri);
      }
      throw e;
    }
    return switch (outcome.kind()) {
      case SUBMITTED -> submitted(outcome.reference(), uri);
      case INVALID -> invalid(outcome.problems(), locale);
      case NOT_FOUND ->
          ProblemJson.response(
              404, "not-found", "No such service", "The municipality does not offer this service.");
      case LEVEL_TOO_LOW ->
          ProblemJson.response(
              403,
              "level-of-assurance",
              "The eID level of assurance is too low",
              "The service needs level "
                  + outcome.required().name().toLowerCase(Locale.ROOT)
                  + ".");
      case UNAVAILABLE ->
          ProblemJson.response(
              503,
              "unavailable",
              "The municipality cannot take applications for this service now",
              "Please try again later.");
    };
  }

  /**
   * 201 with the receipt page as Location. The page is the portal's, not the API's: an absolute
   * address from the request's base, since JAX-RS would resolve a relative one against {@code
   * /api/v1}.
   */
  private static Response submitted(ReferenceNumber reference, UriInfo uri) {
    String receipt = "/citizen/receipt?ref=" + reference.format();
    return Response.created(uri.getBaseUri().resolve(receipt))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new SubmittedJson(reference.format(), "submitted", receipt))
        .build();
  }

  private static Response invalid(List<Problem> problems, Locale locale) {
    List<ProblemJson.FieldError> errors =
        problems.stream()
            .map(
                p ->
                    new ProblemJson.FieldError(
                        p.target(), p.messageKey(), CatalogueMessages.format(p, locale)))
            .toList();
    return ProblemJson.response(
        422,
        "invalid-answers",
        "The answers do not pass the form's checks",
        errors.size() + " answer(s) refused; nothing was stored.",
        errors);
  }

  /** The answers object of the body, read as strictly as form definitions; empty if unusable. */
  static Optional<ObjectNode> answers(String body) {
    if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
      return Optional.empty();
    }
    try {
      JsonNode node = FormDefinitionValidator.parseJson(body);
      JsonNode answers = node.path("answers");
      return answers.isObject() ? Optional.of((ObjectNode) answers) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  static Locale locale(String acceptLanguage) {
    return acceptLanguage != null
            && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en")
        ? Locale.ENGLISH
        : Locale.GERMAN;
  }
}
