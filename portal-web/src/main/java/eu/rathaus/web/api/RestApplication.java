package eu.rathaus.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The portal's REST API, versioned in the path; described at {@code /openapi}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Rathaus API",
            version = "1",
            description =
                "Public catalogue of the Rathaus portal, submitting applications on behalf of a"
                    + " citizen, and the Subscriber API of specialist procedures (hand-off). Every"
                    + " error is RFC 9457 problem details (application/problem+json)."))
@SecurityScheme(
    securitySchemeName = "citizenBearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "OAuth2 access token of a citizen, issued by the portal's Keycloak realm (OIDC_PROVIDER_URL,"
            + " e.g. http://localhost:8180/realms/rathaus; authorization code flow with PKCE in"
            + " the client's own Keycloak client). The token's realm role 'citizen' and its 'loa'"
            + " claim (eID level) are checked. A token issued through a municipality's API client"
            + " (created by its admin, claim rathaus_api_client) needs the client's scope"
            + " 'submission', reaches that municipality only and counts against the client's rate"
            + " limit.")
@SecurityScheme(
    securitySchemeName = "apiClient",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "Optional for the public catalogue: OAuth2 access token of a municipality's API client"
            + " (client credentials grant at the realm's token endpoint with the id and secret the"
            + " municipal admin issued; scope 'public-read'). Calls with it count against the"
            + " client's own rate limit instead of the per-address limit for calls without a token.")
@SecurityScheme(
    securitySchemeName = "destinationClient",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "OAuth2 access token of a specialist procedure's destination client (client credentials"
            + " grant at the realm's token endpoint, client id and secret as the municipal admin"
            + " received them when setting the destination). The token names its municipality and"
            + " destination; it reaches that destination's submissions only.")
public class RestApplication extends Application {}
