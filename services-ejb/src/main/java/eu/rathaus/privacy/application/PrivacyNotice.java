package eu.rathaus.privacy.application;

import eu.rathaus.privacy.domain.ProcessingActivity;
import java.io.Serializable;
import java.util.List;

/**
 * A municipality's privacy notice and records of processing, one model for both: the controller
 * from its settings and one activity per service it offers.
 */
public record PrivacyNotice(
    String municipalityName,
    String slug,
    Controller controller,
    List<ProcessingActivity> activities)
    implements Serializable {

  public PrivacyNotice {
    activities = List.copyOf(activities);
  }

  public String getMunicipalityName() {
    return municipalityName;
  }

  public String getSlug() {
    return slug;
  }

  public Controller getController() {
    return controller;
  }

  public List<ProcessingActivity> getActivities() {
    return activities;
  }
}
