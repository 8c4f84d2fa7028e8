package eu.rathaus.web.catalogue;

import eu.rathaus.catalogue.domain.ServiceListing;
import java.io.Serializable;

/**
 * One service in a municipality's list, with every text already in the page's language. A class
 * with getters, not a record: Jakarta EL 5 does not read record components.
 */
public final class ServiceCard implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final String title;
  private final String summary;
  private final String fee;
  private final String level;
  private final String category;
  private final String url;

  ServiceCard(ServiceListing listing, CatalogueTexts texts, String url) {
    this.key = listing.serviceKey();
    this.title = listing.title().in(texts.locale());
    this.summary = CatalogueTexts.shorten(listing.description().in(texts.locale()), 220);
    this.fee = texts.feeRange(listing.feeFrom(), listing.feeTo());
    this.level = texts.level(listing.requiredLevel());
    this.category = texts.category(listing.category());
    this.url = url;
  }

  public String getKey() {
    return key;
  }

  public String getTitle() {
    return title;
  }

  public String getSummary() {
    return summary;
  }

  public String getFee() {
    return fee;
  }

  public String getLevel() {
    return level;
  }

  public String getCategory() {
    return category;
  }

  public String getUrl() {
    return url;
  }

  /** Services of one category, for the browse view (no search). */
  public static final class Group implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String id;
    private final java.util.List<ServiceCard> services;

    Group(String name, String id, java.util.List<ServiceCard> services) {
      this.name = name;
      this.id = id;
      this.services = java.util.List.copyOf(services);
    }

    public String getName() {
      return name;
    }

    /** A stable HTML id for the group's heading (aria-labelledby). */
    public String getId() {
      return id;
    }

    public java.util.List<ServiceCard> getServices() {
      return services;
    }
  }
}
