package eu.rathaus.web.lostproperty;

import eu.rathaus.registers.lostproperty.application.LostPropertyOffice;
import eu.rathaus.registers.lostproperty.domain.FindersDeadline;
import eu.rathaus.registers.lostproperty.domain.FoundItem;
import eu.rathaus.registers.lostproperty.domain.FoundItemInput;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.LossMatching;
import eu.rathaus.web.catalogue.CatalogueTexts;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Backing bean of {@code office/lost-property.xhtml}: recording a found item (refused fields named
 * next to them), the municipality's items with the finder shown on request (each time audited by
 * the service), and the open loss reports with suggested items to confirm.
 */
@Named
@ViewScoped
public class LostPropertyOfficeView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject LostPropertyOffice office;
  @Inject LocaleSelection locale;

  private String category;
  private String description;
  private String foundPlace;
  private String foundOn;
  private String keptAt;
  private String finderName;
  private String finderContact;
  private boolean finderKeeps;

  private List<FoundItem> items = List.of();
  private List<LostPropertyOffice.LossReport> reports = List.of();
  private final Map<String, String> problems = new HashMap<>();
  private final Map<UUID, LostPropertyOffice.Finder> shownFinders = new HashMap<>();
  private String notice;
  private String noticeText;

  /** View action. */
  public void load() {
    refresh();
  }

  private void refresh() {
    items = office.items();
    reports = office.openLossReports();
  }

  public void record() {
    problems.clear();
    notice = null;
    noticeText = null;
    LostPropertyOffice.Recorded recorded =
        office.record(
            new FoundItemInput(
                category,
                description,
                foundPlace,
                foundOn,
                keptAt,
                finderName,
                finderContact,
                finderKeeps));
    if (!recorded.isRecorded()) {
      recorded.problems().forEach(p -> problems.putIfAbsent(p.field(), p.key()));
      notice = "lostproperty.office.refused";
      return;
    }
    noticeText =
        MessageFormat.format(
            bundle().getString("lostproperty.office.recorded"),
            format(FindersDeadline.of(LocalDate.parse(foundOn.strip()))));
    category = null;
    description = null;
    foundPlace = null;
    foundOn = null;
    keptAt = null;
    finderName = null;
    finderContact = null;
    finderKeeps = false;
    refresh();
  }

  public void showFinder(String id) {
    parse(id)
        .ifPresent(
            item ->
                shownFinders.put(
                    item,
                    office
                        .finder(item)
                        .orElse(
                            new LostPropertyOffice.Finder(
                                bundle().getString("lostproperty.office.noFinder"), null))));
  }

  public void confirm(String caseId, String itemId) {
    Optional<UUID> report = parse(caseId);
    Optional<UUID> item = parse(itemId);
    LostPropertyOffice.Confirmation outcome = LostPropertyOffice.Confirmation.NOT_FOUND;
    if (report.isPresent() && item.isPresent()) {
      Optional<FoundItem> found = office.item(item.get());
      if (found.isPresent()) {
        outcome = office.confirm(report.get(), item.get(), ownerMessage(found.get()));
      }
    }
    noticeText = null;
    notice =
        switch (outcome) {
          case CONFIRMED -> "lostproperty.office.confirmed";
          case NOT_AVAILABLE -> "lostproperty.office.confirm.taken";
          case NOT_FOUND -> "lostproperty.office.confirm.missing";
        };
    refresh();
  }

  public void handOver(String id) {
    noticeText = null;
    notice =
        parse(id).map(office::handOver).orElse(false)
            ? "lostproperty.office.handedOver"
            : "lostproperty.office.handOver.refused";
    refresh();
  }

  private String ownerMessage(FoundItem item) {
    ResourceBundle msg = bundle();
    return MessageFormat.format(
        msg.getString("lostproperty.office.message"),
        msg.getString("lostproperty.category." + item.category().key()),
        format(item.foundOn()),
        item.keptAt());
  }

  private static Optional<UUID> parse(String id) {
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private ResourceBundle bundle() {
    return ResourceBundle.getBundle(CatalogueTexts.BUNDLE, locale.getLocale());
  }

  public String format(LocalDate date) {
    return Dates.medium(date, locale.getLocale());
  }

  /** The report's heading line. */
  public String reportLine(LossMatching.LossReport report) {
    ResourceBundle msg = bundle();
    return MessageFormat.format(
        msg.getString("lostproperty.office.report"),
        report.reference(),
        msg.getString("lostproperty.category." + report.category().key()),
        format(report.lostOn()),
        report.place() == null ? "" : report.place());
  }

  public String score(double score) {
    return String.format(locale.getLocale(), "%.1f", score);
  }

  public Map<String, String> getCategories() {
    ResourceBundle msg = bundle();
    Map<String, String> choices = new LinkedHashMap<>();
    Arrays.stream(ItemCategory.values())
        .forEach(c -> choices.put(msg.getString("lostproperty.category." + c.key()), c.key()));
    return choices;
  }

  /** The message key of a refused field, or null. */
  public String problem(String field) {
    return problems.get(field);
  }

  public boolean invalid(String field) {
    return problems.containsKey(field);
  }

  public LostPropertyOffice.Finder finder(UUID item) {
    return shownFinders.get(item);
  }

  public List<FoundItem> getItems() {
    return items;
  }

  public List<LostPropertyOffice.LossReport> getReports() {
    return reports;
  }

  public String getNotice() {
    return notice;
  }

  public String getNoticeText() {
    return noticeText;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getFoundPlace() {
    return foundPlace;
  }

  public void setFoundPlace(String foundPlace) {
    this.foundPlace = foundPlace;
  }

  public String getFoundOn() {
    return foundOn;
  }

  public void setFoundOn(String foundOn) {
    this.foundOn = foundOn;
  }

  public String getKeptAt() {
    return keptAt;
  }

  public void setKeptAt(String keptAt) {
    this.keptAt = keptAt;
  }

  public String getFinderName() {
    return finderName;
  }

  public void setFinderName(String finderName) {
    this.finderName = finderName;
  }

  public String getFinderContact() {
    return finderContact;
  }

  public void setFinderContact(String finderContact) {
    this.finderContact = finderContact;
  }

  public boolean isFinderKeeps() {
    return finderKeeps;
  }

  public void setFinderKeeps(boolean finderKeeps) {
    this.finderKeeps = finderKeeps;
  }
}
