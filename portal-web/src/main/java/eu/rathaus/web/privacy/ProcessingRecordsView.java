package eu.rathaus.web.privacy;

import eu.rathaus.privacy.application.PrivacyNotice;
import eu.rathaus.privacy.application.PrivacyNotices;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The municipal admin's records of processing activities (Verzeichnis von Verarbeitungstätigkeiten,
 * Art. 30 GDPR), generated from the same data as the privacy notice.
 */
@Named
@RequestScoped
public class ProcessingRecordsView {

  @Inject PrivacyNotices notices;
  @Inject LocaleSelection localeSelection;

  private PrivacyNotice records;
  private List<PrivacyTexts.ActivityRow> activities;

  @PostConstruct
  void load() {
    records = notices.ownRecords();
    activities = new PrivacyTexts(localeSelection.getLocale()).rows(records);
  }

  public PrivacyNotice getRecords() {
    return records;
  }

  public List<PrivacyTexts.ActivityRow> getActivities() {
    return activities;
  }
}
