package eu.rathaus.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The portal's REST API, versioned in the path; described at {@code /openapi}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Rathaus API",
            version = "1",
            description = "Public catalogue of the Rathaus portal"))
public class RestApplication extends Application {}
