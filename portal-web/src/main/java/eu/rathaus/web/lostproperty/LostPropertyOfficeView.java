package eu.rathaus.web.lostproperty;

import eu.rathaus.registers.lostproperty.application.LostPropertyClaims;
import eu.rathaus.registers.lostproperty.application.LostPropertyOffice;
import eu.rathaus.registers.lostproperty.application.LostPropertyPhotos;
import eu.rathaus.registers.lostproperty.domain.Claim;
import eu.rathaus.registers.lostproperty.domain.FindersDeadline;
import eu.rathaus.registers.lostproperty.domain.FoundItem;
import eu.rathaus.registers.lostproperty.domain.FoundItemInput;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.ItemPhoto;
import eu.rathaus.registers.lostproperty.domain.LossMatching;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.PortalAddress;
import eu.rathaus.web.catalogue.CatalogueTexts;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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
  @Inject LostPropertyPhotos photoStore;
  @Inject LostPropertyClaims claimDesk;
  @Inject PortalAddress portal;
  @Inject LocaleSelection locale;

  private String category;
  private String description;
  private String foundPlace;
  private String foundOn;
  private String keptAt;
  private String finderName;
  private String finderContact;
  private boolean finderKeeps;
  private transient Part photo;
  private String photoAlt;
  private boolean photoPublic;
  private String photoProblem;

  private List<FoundItem> items = List.of();
  private Map<UUID, List<ItemPhoto>> photos = Map.of();
  private List<Claim> claims = List.of();
  private final Map<UUID, String> handoverAt = new HashMap<>();
  private final Map<UUID, String> handoverPlace = new HashMap<>();
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
    photos = office.photos(items.stream().map(FoundItem::id).toList());
    claims = claimDesk.open();
    reports = office.openLossReports();
  }

  public void record() {
    problems.clear();
    notice = null;
    noticeText = null;
    photoProblem = null;
    boolean withPhoto = photo != null && photo.getSize() > 0;
    if (withPhoto && !ItemPhoto.altTextFits(photoAlt)) {
      problems.put(LostPropertyPhotos.ALT_FIELD, "lostproperty.photo.problem.alt");
      notice = "lostproperty.office.refused";
      return;
    }
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
    if (withPhoto) {
      addPhoto(recorded.id());
    }
    category = null;
    description = null;
    foundPlace = null;
    foundOn = null;
    keptAt = null;
    finderName = null;
    finderContact = null;
    finderKeeps = false;
    photoAlt = null;
    photoPublic = false;
    refresh();
  }

  private void addPhoto(UUID item) {
    LostPropertyPhotos.Outcome outcome;
    try (InputStream in = photo.getInputStream()) {
      outcome = photoStore.add(item, photo.getSubmittedFileName(), in, photoAlt, photoPublic);
    } catch (IOException e) {
      outcome =
          new LostPropertyPhotos.Outcome(
              null, FieldProblem.of(LostPropertyPhotos.FIELD, "lostproperty.photo.problem.image"));
    }
    if (!outcome.isStored()) {
      FieldProblem problem = outcome.problem();
      photoProblem =
          MessageFormat.format(
              bundle().getString(problem.messageKey()), problem.arguments().toArray());
      noticeText =
          MessageFormat.format(bundle().getString("lostproperty.photo.refused"), photoProblem);
    }
  }

  /** Shows a photo in the public search ({@code true}) or hides it again. */
  public void publish(String photoId, boolean shown) {
    noticeText = null;
    notice =
        parse(photoId).map(p -> photoStore.setPublic(p, shown)).orElse(false)
            ? (shown ? "lostproperty.photo.published" : "lostproperty.photo.hidden")
            : "lostproperty.photo.missing";
    refresh();
  }

  public List<ItemPhoto> photos(UUID item) {
    return photos.getOrDefault(item, List.of());
  }

  public String getPhotoProblem() {
    return photoProblem;
  }

  public Part getPhoto() {
    return photo;
  }

  public void setPhoto(Part photo) {
    this.photo = photo;
  }

  public String getPhotoAlt() {
    return photoAlt;
  }

  public void setPhotoAlt(String photoAlt) {
    this.photoAlt = photoAlt;
  }

  public boolean isPhotoPublic() {
    return photoPublic;
  }

  public void setPhotoPublic(boolean photoPublic) {
    this.photoPublic = photoPublic;
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
        outcome = office.confirm(report.get(), item.get(), ownerMessage(found.get(), report.get()));
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

  private String ownerMessage(FoundItem item, UUID caseId) {
    ResourceBundle msg = bundle();
    return MessageFormat.format(
        msg.getString("lostproperty.office.message"),
        msg.getString("lostproperty.category." + item.category().key()),
        format(item.foundOn()),
        item.keptAt(),
        portal.baseUrl() + "/citizen/lost-property-claim.xhtml?case=" + caseId);
  }

  /** Records the handover appointment typed for the claim of {@code itemId}; tells the owner. */
  public void schedule(String itemId) {
    noticeText = null;
    Optional<UUID> item = parse(itemId);
    Optional<LocalDateTime> at =
        item.map(handoverAt::get).flatMap(LostPropertyOfficeView::dateTime);
    String place = item.map(handoverPlace::get).orElse(null);
    boolean done =
        item.isPresent()
            && at.isPresent()
            && place != null
            && !place.isBlank()
            && claimDesk.scheduleHandover(
                item.get(),
                at.get().atZone(LostPropertyOffice.ZONE).toInstant(),
                place,
                MessageFormat.format(
                    bundle().getString("lostproperty.office.appointment.message"),
                    Dates.medium(at.get().toLocalDate(), locale.getLocale())
                        + " "
                        + at.get().toLocalTime(),
                    place.strip()));
    notice =
        done ? "lostproperty.office.appointment.saved" : "lostproperty.office.appointment.refused";
    refresh();
  }

  static Optional<LocalDateTime> dateTime(String value) {
    try {
      return value == null || value.isBlank()
          ? Optional.empty()
          : Optional.of(LocalDateTime.parse(value.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public List<Claim> getClaims() {
    return claims;
  }

  public Map<UUID, String> getHandoverAt() {
    return handoverAt;
  }

  public Map<UUID, String> getHandoverPlace() {
    return handoverPlace;
  }

  public String fee(long cents) {
    return String.format(locale.getLocale(), "%.2f €", cents / 100.0);
  }

  private static Optional<UUID> parse(String id) {
    return Ids.parse(id);
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
