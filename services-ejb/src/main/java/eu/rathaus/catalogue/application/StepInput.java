package eu.rathaus.catalogue.application;

import java.io.Serializable;

/**
 * What the builder's step editor holds: the step's key and title and, for a new step, its first
 * field (a step is never empty). Plain text as typed; {@link FormDocumentEditor} reads it.
 */
public class StepInput implements Serializable {

  private static final long serialVersionUID = 1L;

  private String key;
  private String titleDe;
  private String titleEn;
  private String firstKey;
  private String firstLabelDe;
  private String firstLabelEn;
  private boolean firstRequired = true;

  public String getKey() {
    return key;
  }

  public void setKey(String v) {
    key = v;
  }

  public String getTitleDe() {
    return titleDe;
  }

  public void setTitleDe(String v) {
    titleDe = v;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String v) {
    titleEn = v;
  }

  public String getFirstKey() {
    return firstKey;
  }

  public void setFirstKey(String v) {
    firstKey = v;
  }

  public String getFirstLabelDe() {
    return firstLabelDe;
  }

  public void setFirstLabelDe(String v) {
    firstLabelDe = v;
  }

  public String getFirstLabelEn() {
    return firstLabelEn;
  }

  public void setFirstLabelEn(String v) {
    firstLabelEn = v;
  }

  public boolean isFirstRequired() {
    return firstRequired;
  }

  public void setFirstRequired(boolean v) {
    firstRequired = v;
  }
}
