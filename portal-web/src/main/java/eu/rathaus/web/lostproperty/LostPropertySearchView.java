package eu.rathaus.web.lostproperty;

import eu.rathaus.registers.lostproperty.application.LostPropertySearch;
import eu.rathaus.registers.lostproperty.domain.FoundItemInput;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.PublicFoundItem;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.catalogue.CatalogueTexts;
import eu.rathaus.web.catalogue.NotFound;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Backing bean of {@code lostproperty/search.xhtml?m=<slug>&category=&from=&to=&place=&q=}: a
 * municipality's found items for anyone, without personal data. Request-scoped and a plain GET form
 * like the catalogue search: bookmarkable, no HTTP session.
 */
@Named
@RequestScoped
public class LostPropertySearchView {

  static final int TEXT_MAX = 100;

  /** A choice of the category list. */
  public record Choice(String key, String label, boolean selected) {}

  @Inject MunicipalityDirectory directory;
  @Inject LostPropertySearch search;
  @Inject LocaleSelection localeSelection;

  private String slug;
  private String category;
  private String from;
  private String to;
  private String place;
  private String q;
  private MunicipalitySummary municipality;
  private List<PublicFoundItem> items = List.of();
  private final List<String> problems = new ArrayList<>();

  /** View action: 404 for unknown or suspended municipalities. */
  public void load() {
    municipality = directory.activeBySlug(slug).orElse(null);
    if (municipality == null) {
      NotFound.send();
      return;
    }
    Optional<ItemCategory> chosen = ItemCategory.of(category);
    if (category != null && !category.isBlank() && chosen.isEmpty()) {
      problems.add("lostproperty.public.problem.category");
      category = null;
    }
    LocalDate fromDate = date(from);
    LocalDate toDate = date(to);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      problems.add("lostproperty.public.problem.range");
      return;
    }
    items =
        search.search(
            municipality.id(), new LostPropertySearch.Criteria(chosen, fromDate, toDate, place, q));
  }

  private LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Optional<LocalDate> parsed = FoundItemInput.date(value);
    if (parsed.isEmpty() && !problems.contains("lostproperty.public.problem.date")) {
      problems.add("lostproperty.public.problem.date");
    }
    return parsed.orElse(null);
  }

  private static String cut(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    return text.length() > TEXT_MAX ? text.substring(0, TEXT_MAX) : text;
  }

  private ResourceBundle bundle() {
    return ResourceBundle.getBundle(CatalogueTexts.BUNDLE, localeSelection.getLocale());
  }

  public List<Choice> getCategories() {
    ResourceBundle msg = bundle();
    return Arrays.stream(ItemCategory.values())
        .map(
            c ->
                new Choice(
                    c.key(),
                    msg.getString("lostproperty.category." + c.key()),
                    c.key().equals(category)))
        .toList();
  }

  public String getResultMessage() {
    return MessageFormat.format(bundle().getString("lostproperty.public.count"), items.size());
  }

  public String format(LocalDate date) {
    return Dates.medium(date, localeSelection.getLocale());
  }

  public List<PublicFoundItem> getItems() {
    return items;
  }

  public List<String> getProblems() {
    return problems;
  }

  public String getName() {
    return municipality == null ? "" : municipality.name();
  }

  public String getSlug() {
    return municipality == null ? "" : municipality.slug();
  }

  public String getM() {
    return slug;
  }

  public void setM(String m) {
    this.slug = m;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = cut(category);
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = cut(from);
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = cut(to);
  }

  public String getPlace() {
    return place;
  }

  public void setPlace(String place) {
    this.place = cut(place);
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = cut(q);
  }
}
