package eu.rathaus.web.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API error as RFC 9457 "Problem Details for HTTP APIs" ({@code application/problem+json}):
 * {@code type} names the problem (a stable URI a client can switch on), {@code title} says it in
 * words, {@code detail} says it for this request; {@code errors} lists each refused answer.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record ProblemJson(
    @Schema(example = "https://rathaus.eu/problems/invalid-answers") String type,
    @Schema(example = "The answers do not pass the form's checks") String title,
    @Schema(example = "422") int status,
    @Schema(example = "2 answers were refused.") String detail,
    @Schema(description = "For invalid answers: one entry per refused answer")
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://rathaus.eu/problems/";

  /**
   * One refused answer: the field key, the rule's code and the message in the request's language.
   */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(example = "lastName") String field,
      @Schema(example = "catalogue.answer.required") String code,
      @Schema(example = "Bitte füllen Sie dieses Feld aus.") String detail) {}

  static Response response(int status, String name, String title, String detail) {
    return response(status, name, title, detail, null);
  }

  static Response response(
      int status, String name, String title, String detail, List<FieldError> errors) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(new ProblemJson(TYPE_BASE + name, title, status, detail, errors))
        .build();
  }
}
