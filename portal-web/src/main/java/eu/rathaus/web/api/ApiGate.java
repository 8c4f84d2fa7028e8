package eu.rathaus.web.api;

import eu.rathaus.apiclients.application.ApiClientGate;
import eu.rathaus.apiclients.domain.ApiScope;
import eu.rathaus.identity.BearerTokens;
import eu.rathaus.platform.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * The API's gate for API clients and its rate limits, before any resource runs.
 *
 * <p>A token that names an API client of a municipality (claim {@code rathaus_api_client}, also in
 * the tokens of citizens who signed in through it) is checked against the client as it is now: it
 * must still exist (401 otherwise) and be enabled, its scopes must cover the endpoint ({@code
 * public-read} for the public catalogue, {@code submission} for submitting), and it may submit to
 * its own municipality only (403 otherwise). Tokens without the claim are left to the resources,
 * unchanged.
 *
 * <p>Rate limits ({@link RateLimits}, shared by all nodes through PostgreSQL, see {@link
 * ApiRateLimits}): an API client by its own limit or {@code RATHAUS_API_RATE_PER_MINUTE}; any other
 * token by its client ({@code azp}) with the same default; calls without a token to the public
 * catalogue per address with {@code RATHAUS_API_ANONYMOUS_RATE_PER_MINUTE}. Over the limit: 429
 * problem details with {@code Retry-After}; every limited answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiGate implements ContainerRequestFilter, ContainerResponseFilter {

  static final String CLIENT_RATE = "RATHAUS_API_RATE_PER_MINUTE";
  static final String ANONYMOUS_RATE = "RATHAUS_API_ANONYMOUS_RATE_PER_MINUTE";
  static final long DEFAULT_CLIENT_RATE = 1200;
  static final long DEFAULT_ANONYMOUS_RATE = 300;
  private static final String DECISION = ApiGate.class.getName() + ".decision";

  @Inject ApiBearer bearer;
  @Inject ApiClientGate gate;
  @Inject ApiRateLimits limits;
  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> target = resource == null ? null : resource.getResourceClass();
    boolean publicCatalogue =
        target == MunicipalitiesResource.class || target == MunicipalityServicesResource.class;
    boolean submission = target == ApplicationsResource.class;
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<BearerTokens.ClientCaller> caller =
        authorization == null ? Optional.empty() : bearer.client(authorization);
    String key;
    long perMinute;
    if (caller.isPresent() && caller.get().apiClient() != null) {
      Optional<ApiClientGate.Grant> grant = gate.grant(caller.get().apiClient());
      if (grant.isEmpty()) {
        request.abortWith(
            Response.fromResponse(
                    ProblemJson.response(
                        401,
                        "api-client-unknown",
                        "The token's API client does not exist",
                        "The API client was deleted; ask the municipality for a new one."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build());
        return;
      }
      ApiClientGate.Grant g = grant.get();
      Optional<Refusal> refusal = refusal(g, publicCatalogue, submission, slug(request));
      if (refusal.isPresent()) {
        request.abortWith(refusal.get().response());
        return;
      }
      key = "api-client:" + g.id();
      perMinute =
          g.ratePerMinute() != null
              ? g.ratePerMinute()
              : Settings.number(CLIENT_RATE, DEFAULT_CLIENT_RATE);
    } else if (caller.isPresent()) {
      key = "client:" + caller.get().clientId();
      perMinute = Settings.number(CLIENT_RATE, DEFAULT_CLIENT_RATE);
    } else if (publicCatalogue) {
      key = "ip:" + (servletRequest == null ? "unknown" : servletRequest.getRemoteAddr());
      perMinute = Settings.number(ANONYMOUS_RATE, DEFAULT_ANONYMOUS_RATE);
    } else {
      return;
    }
    RateLimits.Decision decision = limits.take(key, Math.max(1, perMinute));
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      request.abortWith(
          Response.fromResponse(
                  ProblemJson.response(
                      429,
                      "rate-limited",
                      "Too many requests",
                      "At most "
                          + decision.limit()
                          + " requests a minute; try again in "
                          + decision.retryAfterSeconds()
                          + " s."))
              .header("Retry-After", decision.retryAfterSeconds())
              .build());
    }
  }

  /** A refusal of the gate, answered as problem details. */
  record Refusal(int status, String name, String title, String detail) {
    Response response() {
      return ProblemJson.response(status, name, title, detail);
    }
  }

  /** Why the API client may not call this endpoint, if it may not. */
  static Optional<Refusal> refusal(
      ApiClientGate.Grant grant, boolean publicCatalogue, boolean submission, String slug) {
    if (!grant.enabled()) {
      return Optional.of(
          new Refusal(
              403,
              "api-client-disabled",
              "The API client is disabled",
              "The municipality has disabled this API client."));
    }
    if (publicCatalogue && !grant.scopes().contains(ApiScope.PUBLIC_READ)) {
      return Optional.of(scope(ApiScope.PUBLIC_READ));
    }
    if (submission) {
      if (!grant.scopes().contains(ApiScope.SUBMISSION)) {
        return Optional.of(scope(ApiScope.SUBMISSION));
      }
      if (!grant.municipalitySlug().equals(slug)) {
        return Optional.of(
            new Refusal(
                403,
                "other-municipality",
                "The API client belongs to another municipality",
                "An API client submits to its own municipality only."));
      }
    }
    return Optional.empty();
  }

  private static Refusal scope(ApiScope needed) {
    return new Refusal(
        403,
        "api-client-scope",
        "The API client may not call this API",
        "It needs the scope " + needed.code() + ".");
  }

  private static String slug(ContainerRequestContext request) {
    return request.getUriInfo().getPathParameters().getFirst("slug");
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimits.Decision d) {
      response.getHeaders().putSingle("RateLimit-Limit", d.limit());
      response.getHeaders().putSingle("RateLimit-Remaining", d.remaining());
      response.getHeaders().putSingle("RateLimit-Reset", d.resetSeconds());
    }
  }
}
