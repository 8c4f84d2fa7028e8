package eu.rathaus.web.catalogue;

import eu.rathaus.catalogue.application.CatalogueBrowser;
import eu.rathaus.catalogue.domain.SearchText;
import eu.rathaus.catalogue.domain.ServiceListing;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backing bean of {@code municipality.xhtml?m=<slug>&q=<words>}: a municipality's offered services,
 * grouped by category when browsing, as one ranked list when searching (grouping would hide the
 * ranking). Request-scoped: the page is a plain GET form, bookmarkable and usable without
 * JavaScript.
 */
@Named
@RequestScoped
public class MunicipalityPageView {

  @Inject MunicipalityDirectory directory;
  @Inject CatalogueBrowser browser;
  @Inject LocaleSelection localeSelection;
  @Inject jakarta.servlet.http.HttpServletRequest request;

  private String slug;
  private String query;
  private MunicipalitySummary municipality;
  private List<ServiceCard> services = List.of();
  private List<ServiceCard.Group> groups = List.of();
  private CatalogueTexts texts;

  /** View action: 404 for unknown or suspended municipalities. */
  public void load() {
    Optional<MunicipalitySummary> found = directory.activeBySlug(slug);
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    municipality = found.get();
    texts = new CatalogueTexts(localeSelection.getLocale());
    List<ServiceListing> listings = browser.services(municipality.id(), query);
    services =
        listings.stream().map(l -> new ServiceCard(l, texts, serviceUrl(l.serviceKey()))).toList();
    Map<String, List<ServiceCard>> byCategory = new LinkedHashMap<>();
    services.forEach(
        card -> byCategory.computeIfAbsent(card.getCategory(), c -> new ArrayList<>()).add(card));
    List<ServiceCard.Group> result = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, List<ServiceCard>> e : byCategory.entrySet()) {
      result.add(new ServiceCard.Group(e.getKey(), "category-" + (++i), e.getValue()));
    }
    groups = List.copyOf(result);
  }

  private String serviceUrl(String serviceKey) {
    return request.getContextPath()
        + "/service.xhtml?m="
        + encode(municipality.slug())
        + "&s="
        + encode(serviceKey);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public String getM() {
    return slug;
  }

  public void setM(String slug) {
    this.slug = slug;
  }

  /** The search text as it was used: cleaned and cut, so the box shows what was searched for. */
  public String getQ() {
    return query;
  }

  public void setQ(String q) {
    this.query = SearchText.clean(q);
  }

  public boolean isSearching() {
    return query != null && !query.isEmpty();
  }

  public String getName() {
    return municipality == null ? "" : municipality.name();
  }

  public String getSlug() {
    return municipality == null ? "" : municipality.slug();
  }

  public String getState() {
    return municipality == null ? "" : municipality.state();
  }

  public List<ServiceCard> getServices() {
    return services;
  }

  public List<ServiceCard.Group> getGroups() {
    return groups;
  }

  public String getResultMessage() {
    if (texts == null) {
      return "";
    }
    if (!isSearching()) {
      return services.isEmpty()
          ? texts.text("catalogue.none")
          : texts.text("catalogue.count", services.size());
    }
    return services.isEmpty()
        ? texts.text("catalogue.search.none", query)
        : texts.text("catalogue.search.count", services.size(), query);
  }
}
