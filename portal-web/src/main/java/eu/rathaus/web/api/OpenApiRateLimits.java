package eu.rathaus.web.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Describes the rate limits ({@link ApiGate}) in the OpenAPI document: every operation of the
 * public catalogue and the submission API answers 429 problem details with {@code Retry-After}, and
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} headers. One filter
 * instead of the same annotation block on every method (registered as {@code mp.openapi.filter}).
 */
public class OpenApiRateLimits implements OASFilter {

  static final String LIMITED_PATHS = "/api/v1/municipalities";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith(LIMITED_PATHS)) {
        continue;
      }
      for (Operation operation : path.getValue().getOperations().values()) {
        if (operation.getResponses() != null) {
          operation.getResponses().addAPIResponse("429", tooManyRequests());
        }
      }
    }
  }

  private static org.eclipse.microprofile.openapi.models.responses.APIResponse tooManyRequests() {
    return OASFactory.createAPIResponse()
        .description(
            "Rate limit reached (per API client, or per address without a token); retry after"
                + " Retry-After seconds")
        .content(
            OASFactory.createContent()
                .addMediaType(
                    ProblemJson.MEDIA_TYPE,
                    OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))))
        .addHeader("Retry-After", header("Seconds until a request is allowed again"))
        .addHeader("RateLimit-Limit", header("Requests allowed per minute"))
        .addHeader("RateLimit-Remaining", header("Requests left now"))
        .addHeader(
            "RateLimit-Reset",
            header("Seconds until a request is allowed again (on 429) or the allowance is full"));
  }

  private static Header header(String description) {
    return OASFactory.createHeader()
        .description(description)
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
  }
}
