package eu.rathaus.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The payment provider's page is the one foreign origin a form may lead to. */
class SecurityHeadersFilterTest {

  @Test
  void addsOnlyTheProviderOriginToFormAction() {
    String policy =
        SecurityHeadersFilter.withFormTarget(
            SecurityHeadersFilter.POLICY, "https://pay.example.org");

    assertThat(policy)
        .contains("form-action 'self' https://pay.example.org;", "default-src 'self';");
    assertThat(SecurityHeadersFilter.withFormTarget(SecurityHeadersFilter.POLICY, null))
        .isEqualTo(SecurityHeadersFilter.POLICY);
  }

  @Test
  void theIdentityProviderIsAFormTargetTooBecauseSignOutIsAPostRedirectedToIt() {
    String policy =
        SecurityHeadersFilter.withFormTarget(
            SecurityHeadersFilter.withFormTarget(
                SecurityHeadersFilter.POLICY, "https://pay.example.org"),
            SecurityHeadersFilter.originOf("https://id.example.org:8443/realms/rathaus"));
    assertThat(policy)
        .contains("form-action 'self' https://id.example.org:8443 https://pay.example.org;");
    assertThat(SecurityHeadersFilter.originOf("javascript:alert(1)")).isNull();
  }

  @Test
  void everyResponseGetsItsOwnNonceInTheOneScriptSource() throws Exception {
    java.util.Map<String, Object> attributes = new java.util.HashMap<>();
    java.util.Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
    jakarta.servlet.http.HttpServletRequest request =
        (jakarta.servlet.http.HttpServletRequest)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setAttribute")) {
                    attributes.put((String) args[0], args[1]);
                  }
                  return null;
                });
    jakarta.servlet.http.HttpServletResponse response =
        (jakarta.servlet.http.HttpServletResponse)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setHeader")
                      || method.getName().equals("addHeader")) {
                    headers
                        .computeIfAbsent((String) args[0], k -> new java.util.ArrayList<>())
                        .add((String) args[1]);
                  }
                  return null;
                });
    SecurityHeadersFilter filter = new SecurityHeadersFilter();

    filter.doFilter(request, response, (req, res) -> {});
    String first = (String) attributes.get(SecurityHeadersFilter.NONCE_ATTRIBUTE);
    filter.doFilter(request, response, (req, res) -> {});
    String second = (String) attributes.get(SecurityHeadersFilter.NONCE_ATTRIBUTE);

    assertThat(java.util.Base64.getDecoder().decode(first)).hasSize(16);
    assertThat(second).isNotEqualTo(first);
    assertThat(headers.get("Content-Security-Policy")).hasSize(2);
    assertThat(headers.get("Content-Security-Policy").get(0))
        .contains(
            "script-src 'self' 'nonce-" + first + "';", "form-action 'self'", "object-src 'none'")
        .doesNotContain("unsafe-eval", "{nonce}", "script-src 'self' 'unsafe-inline'");
  }
}
