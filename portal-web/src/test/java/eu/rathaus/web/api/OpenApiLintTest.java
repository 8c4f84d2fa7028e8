package eu.rathaus.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The linter finds what it promises to find, and passes a document that follows the rules. */
class OpenApiLintTest {

  /** A document with one operation; its parts are the arguments. */
  private static String document(
      String summary, String security, String parameters, String errorContent) {
    return """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        components:
          securitySchemes:
            citizenBearer: {type: http, scheme: bearer, bearerFormat: JWT}
          schemas:
            Problem: {type: object, properties: {type: {type: string}, status: {type: integer}}}
        paths:
          /things/{id}:
            get:
        %s%s%s      responses:
                "200": {description: the thing}
                "401":
                  description: no token
        %s"""
        .formatted(summary, security, parameters, errorContent);
  }

  private static final String SUMMARY = "      summary: One thing\n";
  private static final String SECURITY = "      security: [{citizenBearer: []}]\n";
  private static final String PARAMETERS =
      "      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n";
  private static final String PROBLEM =
      "          content:\n            application/problem+json:\n"
          + "              schema: {$ref: \"#/components/schemas/Problem\"}\n";

  @Test
  void aDocumentThatFollowsTheRulesPasses() {
    assertThat(OpenApiLint.lint(document(SUMMARY, SECURITY, PARAMETERS, PROBLEM))).isEmpty();
  }

  @Test
  void eachBrokenRuleIsNamed() {
    String bad =
        document(
            "",
            "      security: [{apiKey: []}]\n",
            "",
            PROBLEM.replace("application/problem+json", "application/json"));
    assertThat(OpenApiLint.lint(bad))
        .anySatisfy(f -> assertThat(f).contains("GET /things/{id}: no summary"))
        .anySatisfy(f -> assertThat(f).contains("security scheme apiKey is not declared"))
        .anySatisfy(f -> assertThat(f).contains("401 answers application/json"))
        .anySatisfy(f -> assertThat(f).contains("path parameter id is not declared"));
  }

  @Test
  void anErrorAnswerWithoutBodyAndA401WithoutSecurityAreNamed() {
    assertThat(OpenApiLint.lint(document(SUMMARY, "", PARAMETERS, "")))
        .anySatisfy(f -> assertThat(f).contains("401 has no body"))
        .anySatisfy(f -> assertThat(f).contains("answers 401 but declares no security"));
  }

  @Test
  void somethingThatIsNoOpenApiIsRefused() {
    assertThat(OpenApiLint.lint("openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n")).isNotEmpty();
    assertThat(OpenApiLint.lint("<html>nope</html>")).isNotEmpty();
  }
}
