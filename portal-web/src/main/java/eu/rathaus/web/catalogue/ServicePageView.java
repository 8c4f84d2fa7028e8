package eu.rathaus.web.catalogue;

import eu.rathaus.catalogue.application.CatalogueBrowser;
import eu.rathaus.catalogue.application.PublishedService;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Backing bean of {@code service.xhtml?m=<slug>&s=<service key>}: what a citizen should know before
 * starting an application — what it is, which documents are needed, what it costs, how long it
 * takes and which eID level of assurance the sign-in needs. Everything comes from the current
 * published version, the same one a new application will be pinned to.
 */
@Named
@RequestScoped
public class ServicePageView {

  @Inject MunicipalityDirectory directory;
  @Inject CatalogueBrowser browser;
  @Inject LocaleSelection localeSelection;
  @Inject HttpServletRequest request;

  private String slug;
  private String serviceKey;
  private MunicipalitySummary municipality;
  private PublishedService service;
  private CatalogueTexts texts;

  /** View action: 404 for an unknown or suspended municipality, or a service it does not offer. */
  public void load() {
    Optional<MunicipalitySummary> found = directory.activeBySlug(slug);
    Optional<PublishedService> offered = found.flatMap(m -> browser.service(m.id(), serviceKey));
    if (offered.isEmpty()) {
      NotFound.send();
      return;
    }
    municipality = found.get();
    service = offered.get();
    texts = new CatalogueTexts(localeSelection.getLocale());
  }

  private FormDefinition form() {
    return service.form();
  }

  public String getM() {
    return slug;
  }

  public void setM(String slug) {
    this.slug = slug;
  }

  public String getS() {
    return serviceKey;
  }

  public void setS(String serviceKey) {
    this.serviceKey = serviceKey;
  }

  public boolean isLoaded() {
    return service != null;
  }

  public String getMunicipalityName() {
    return municipality.name();
  }

  public String getMunicipalityUrl() {
    return request.getContextPath() + "/municipality.xhtml?m=" + encode(municipality.slug());
  }

  public String getTitle() {
    return service.title().in(texts.locale());
  }

  public String getDescription() {
    return service.description().in(texts.locale());
  }

  public String getCategory() {
    return texts.category(service.category());
  }

  public List<String> getFeeLines() {
    return texts.feeLines(form());
  }

  public String getDeadline() {
    return texts.processingDays(form().processingDays());
  }

  public String getLevel() {
    return texts.level(form().levelOfAssurance());
  }

  public String getLevelExplained() {
    return texts.text("catalogue.level.explained." + form().levelOfAssurance().acr());
  }

  public List<String> getDocuments() {
    return texts.documents(form());
  }

  public String getAttachmentLimits() {
    return texts.attachmentLimits(form().attachments());
  }

  public int getVersionNumber() {
    return service.versionNumber();
  }

  /**
   * Where the application starts; the form page (built separately) takes the same two parameters.
   */
  public String getApplyUrl() {
    return request.getContextPath()
        + "/citizen/apply.xhtml?m="
        + encode(municipality.slug())
        + "&s="
        + encode(service.serviceKey());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
