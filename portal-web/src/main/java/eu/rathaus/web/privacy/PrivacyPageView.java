package eu.rathaus.web.privacy;

import eu.rathaus.privacy.application.PrivacyNotice;
import eu.rathaus.privacy.application.PrivacyNotices;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.web.catalogue.NotFound;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The privacy notice (public, stateless): the platform's general part and, with {@code ?m=slug},
 * the municipality's own part generated from its settings and its services' configuration; without
 * {@code m}, the list of municipalities to choose from. Unknown or suspended slugs answer 404.
 */
@Named
@RequestScoped
public class PrivacyPageView {

  @Inject PrivacyNotices notices;
  @Inject MunicipalityDirectory directory;
  @Inject LocaleSelection localeSelection;

  private String m;
  private PrivacyNotice notice;
  private List<PrivacyTexts.ActivityRow> activities = List.of();

  /** View action. */
  public void load() {
    if (m == null || m.isBlank()) {
      return;
    }
    Optional<PrivacyNotice> found = notices.forMunicipality(m);
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    notice = found.get();
    activities = new PrivacyTexts(localeSelection.getLocale()).rows(notice);
  }

  public String getM() {
    return m;
  }

  public void setM(String m) {
    this.m = m;
  }

  public PrivacyNotice getNotice() {
    return notice;
  }

  public List<PrivacyTexts.ActivityRow> getActivities() {
    return activities;
  }

  /** The municipalities whose notices exist (all active ones). */
  public List<MunicipalitySummary> getMunicipalities() {
    return directory.search("");
  }
}
