package eu.rathaus.web.api;

import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Read-only list of the active municipalities, for other portals and search engines. */
@Path("/municipalities")
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalitiesResource {

  @Inject MunicipalityDirectory directory;

  /** Public view of one municipality; the internal id stays internal. */
  public record MunicipalityJson(String slug, String name, String ags, String state) {
    static MunicipalityJson of(MunicipalitySummary m) {
      return new MunicipalityJson(m.slug(), m.name(), m.ags(), m.state());
    }
  }

  @GET
  @Operation(summary = "Active municipalities, optionally filtered by a search text")
  public List<MunicipalityJson> list(@QueryParam("q") String query) {
    return directory.search(query).stream().map(MunicipalityJson::of).toList();
  }
}
