package eu.rathaus.retention.application;

import eu.rathaus.retention.domain.RetentionPeriods;
import java.util.UUID;

/**
 * A service of the municipality with its retention: the overrides the admin set (null = platform
 * default) and what applies.
 */
public record ServiceRetention(
    UUID definitionId, String title, Integer draftMonths, Integer caseMonths) {

  public RetentionPeriods effective() {
    return RetentionPeriods.of(draftMonths, caseMonths);
  }

  public UUID getDefinitionId() {
    return definitionId;
  }

  public String getTitle() {
    return title;
  }

  public Integer getDraftMonths() {
    return draftMonths;
  }

  public Integer getCaseMonths() {
    return caseMonths;
  }

  public int getEffectiveDraftMonths() {
    return effective().draftMonths();
  }

  public int getEffectiveCaseMonths() {
    return effective().caseMonths();
  }
}
