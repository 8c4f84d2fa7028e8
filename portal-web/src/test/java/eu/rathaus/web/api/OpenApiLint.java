package eu.rathaus.web.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI linter: the document must parse as valid OpenAPI 3 (swagger-parser's structural
 * validation, every {@code $ref} resolved) and follow the house rules an API client relies on:
 *
 * <ul>
 *   <li>every operation has a summary and at least one success answer;
 *   <li>every error answer (4xx, 5xx) is RFC 9457 problem details: {@code application/problem+json}
 *       with the {@code Problem} schema, and nothing else;
 *   <li>every security requirement names a declared scheme, and an operation that can answer 401
 *       declares one;
 *   <li>every parameter of a path template is declared as a required path parameter.
 * </ul>
 *
 * Returns the findings as lines ({@code "POST /x: ..."}); none means the document passes.
 */
public final class OpenApiLint {

  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

  private OpenApiLint() {}

  public static List<String> lint(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
    List<String> findings = new ArrayList<>();
    if (parsed.getMessages() != null) {
      parsed.getMessages().forEach(m -> findings.add("invalid OpenAPI: " + m));
    }
    OpenAPI api = parsed.getOpenAPI();
    if (api == null) {
      findings.add("not an OpenAPI document");
      return findings;
    }
    if (api.getPaths() == null || api.getPaths().isEmpty()) {
      findings.add("no paths");
      return findings;
    }
    Set<String> schemes =
        api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
            ? Set.of()
            : api.getComponents().getSecuritySchemes().keySet();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        String where = op.getKey() + " " + path.getKey() + ": ";
        lintOperation(where, path.getKey(), path.getValue(), op.getValue(), api, schemes, findings);
      }
    }
    return findings;
  }

  private static void lintOperation(
      String where,
      String path,
      PathItem item,
      Operation operation,
      OpenAPI api,
      Set<String> schemes,
      List<String> findings) {
    if (operation.getSummary() == null || operation.getSummary().isBlank()) {
      findings.add(where + "no summary");
    }
    Map<String, ApiResponse> responses =
        operation.getResponses() == null ? Map.of() : operation.getResponses();
    if (responses.keySet().stream()
        .noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
      findings.add(where + "no success answer");
    }
    for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
      String code = response.getKey();
      if (code.startsWith("4") || code.startsWith("5")) {
        lintProblem(where + code + " ", response.getValue(), findings);
      }
    }
    List<SecurityRequirement> security =
        operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
    boolean secured = security != null && security.stream().anyMatch(r -> !r.isEmpty());
    if (security != null) {
      for (SecurityRequirement requirement : security) {
        for (String scheme : requirement.keySet()) {
          if (!schemes.contains(scheme)) {
            findings.add(where + "security scheme " + scheme + " is not declared");
          }
        }
      }
    }
    if (responses.containsKey("401") && !secured) {
      findings.add(where + "answers 401 but declares no security requirement");
    }
    Set<String> declared = new TreeSet<>();
    List<Parameter> parameters = new ArrayList<>();
    if (item.getParameters() != null) {
      parameters.addAll(item.getParameters());
    }
    if (operation.getParameters() != null) {
      parameters.addAll(operation.getParameters());
    }
    for (Parameter parameter : parameters) {
      if ("path".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
        declared.add(parameter.getName());
      }
    }
    Matcher template = TEMPLATE.matcher(path);
    while (template.find()) {
      if (!declared.contains(template.group(1))) {
        findings.add(
            where + "path parameter " + template.group(1) + " is not declared as required");
      }
    }
  }

  private static void lintProblem(String where, ApiResponse response, List<String> findings) {
    Content content = response.getContent();
    if (content == null || content.isEmpty()) {
      findings.add(where + "has no body; errors are application/problem+json");
      return;
    }
    for (String type : content.keySet()) {
      if (!ProblemJson.MEDIA_TYPE.equals(type)) {
        findings.add(where + "answers " + type + "; errors are application/problem+json");
      }
    }
    var problem = content.get(ProblemJson.MEDIA_TYPE);
    if (problem != null) {
      var schema = problem.getSchema();
      String ref = schema == null ? null : schema.get$ref();
      if (ref == null || !ref.endsWith("/Problem")) {
        findings.add(where + "problem body does not use the Problem schema");
      }
    }
  }
}
