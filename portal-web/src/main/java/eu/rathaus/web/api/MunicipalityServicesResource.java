package eu.rathaus.web.api;

import eu.rathaus.catalogue.application.CatalogueBrowser;
import eu.rathaus.catalogue.domain.ServiceListing;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.catalogue.CatalogueTexts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A municipality's offered services as JSON, read-only, for other portals and search engines. The
 * same data and the same search as the municipality page; internal ids stay internal, the service
 * key (LeiKa/FIM) is the stable identifier.
 */
@Path("/municipalities/{slug}/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Services municipalities offer online")
public class MunicipalityServicesResource {

  @Inject MunicipalityDirectory directory;
  @Inject CatalogueBrowser browser;

  /** One offered service in its current published version. */
  @Schema(
      name = "Service",
      description = "A service a municipality currently offers, in its current published version")
  public record ServiceJson(
      @Schema(
              description = "Service key (LeiKa/FIM), stable across versions",
              example = "demo.bewohnerparkausweis")
          String key,
      @Schema(
              description = "Title in German (language of record)",
              example = "Bewohnerparkausweis beantragen")
          String title,
      @Schema(description = "Title in English, if the municipality wrote one") String titleEn,
      @Schema(description = "Category as the municipality names it", example = "Verkehr")
          String category,
      FeeJson fee,
      @Schema(
              description = "eID level of assurance needed to apply (eIDAS)",
              enumeration = {"low", "substantial", "high"})
          String requiredLevel,
      @Schema(description = "Number of the current published version", example = "1")
          int currentVersion,
      @Schema(description = "Usual processing time in days", example = "10") int processingDays) {}

  /** The fee: a range when it depends on an option the applicant picks. */
  @Schema(
      name = "Fee",
      description = "Fee in euro cents; cents = maxCents for a fixed fee, 0 = free of charge")
  public record FeeJson(
      @Schema(description = "Smallest possible fee in cents", example = "3000") long cents,
      @Schema(description = "Largest possible fee in cents", example = "6000") long maxCents,
      @Schema(example = "EUR") String currency,
      @Schema(description = "For people, in German", example = "30,00 € bis 60,00 €")
          String formatted) {}

  @GET
  @Operation(
      summary = "Services a municipality offers online",
      description =
          "Active services with a published version, ordered by category and title;"
              + " with q, those matching the words (German stemming, also inside compound words), best first.")
  @APIResponse(
      responseCode = "200",
      description = "The services (possibly none)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "No active municipality with this slug",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response services(
      @Parameter(
              description = "Short name of the municipality, as in GET /municipalities",
              example = "musterstadt")
          @PathParam("slug")
          String slug,
      @Parameter(
              description =
                  "Search words in German (web search syntax: \"phrase\", or, -word); at most 100 characters are used",
              example = "Parkausweis")
          @QueryParam("q")
          String query) {
    Optional<MunicipalitySummary> municipality = directory.activeBySlug(slug);
    if (municipality.isEmpty()) {
      return ProblemJson.response(
          404, "not-found", "Not Found", "No active municipality with this slug");
    }
    CatalogueTexts german = new CatalogueTexts(Locale.GERMAN);
    List<ServiceJson> services =
        browser.services(municipality.get().id(), query).stream()
            .map(s -> toJson(s, german))
            .toList();
    return Response.ok(services).build();
  }

  static ServiceJson toJson(ServiceListing s, CatalogueTexts german) {
    return new ServiceJson(
        s.serviceKey(),
        s.title().de(),
        s.title().en(),
        s.category(),
        new FeeJson(
            s.feeFrom().cents(),
            s.feeTo().cents(),
            s.feeFrom().currency(),
            german.feeRange(s.feeFrom(), s.feeTo())),
        s.requiredLevel().acr(),
        s.versionNumber(),
        s.processingDays());
  }
}
