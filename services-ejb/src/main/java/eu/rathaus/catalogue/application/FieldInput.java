package eu.rathaus.catalogue.application;

import java.io.Serializable;

/**
 * What the builder's field editor holds, as typed: numbers and choices stay text until {@link
 * FormDocumentEditor} reads them, so a wrong entry can be shown next to its input. Choices are one
 * per line, {@code key | Deutsch | English}.
 */
public class FieldInput implements Serializable {

  private static final long serialVersionUID = 1L;

  private String key;
  private String type = "text";
  private String labelDe;
  private String labelEn;
  private boolean required;
  private boolean notificationAddress;
  private String prefillSource;
  private boolean prefillEditable = true;
  private String helpDe;
  private String helpEn;
  private String minLength;
  private String maxLength;
  private String minValue;
  private String maxValue;
  private String pattern;
  private String choices;
  private String ifField;
  private String ifValue;

  /** Shown only: the FIM data field the field was imported from (never typed, kept on save). */
  private String fimId;

  public String getKey() {
    return key;
  }

  public void setKey(String v) {
    key = v;
  }

  public String getType() {
    return type;
  }

  public void setType(String v) {
    type = v;
  }

  public String getLabelDe() {
    return labelDe;
  }

  public void setLabelDe(String v) {
    labelDe = v;
  }

  public String getLabelEn() {
    return labelEn;
  }

  public void setLabelEn(String v) {
    labelEn = v;
  }

  /** Where the value is prefilled from ({@code eid.givenName}, …); empty: typed by the citizen. */
  public String getPrefillSource() {
    return prefillSource;
  }

  public void setPrefillSource(String v) {
    prefillSource = v;
  }

  /** Whether the citizen may change a prefilled value. */
  public boolean isPrefillEditable() {
    return prefillEditable;
  }

  public void setPrefillEditable(boolean v) {
    prefillEditable = v;
  }

  public boolean isNotificationAddress() {
    return notificationAddress;
  }

  public void setNotificationAddress(boolean v) {
    notificationAddress = v;
  }

  public boolean isRequired() {
    return required;
  }

  public void setRequired(boolean v) {
    required = v;
  }

  public String getHelpDe() {
    return helpDe;
  }

  public void setHelpDe(String v) {
    helpDe = v;
  }

  public String getHelpEn() {
    return helpEn;
  }

  public void setHelpEn(String v) {
    helpEn = v;
  }

  public String getMinLength() {
    return minLength;
  }

  public void setMinLength(String v) {
    minLength = v;
  }

  public String getMaxLength() {
    return maxLength;
  }

  public void setMaxLength(String v) {
    maxLength = v;
  }

  public String getMinValue() {
    return minValue;
  }

  public void setMinValue(String v) {
    minValue = v;
  }

  public String getMaxValue() {
    return maxValue;
  }

  public void setMaxValue(String v) {
    maxValue = v;
  }

  public String getPattern() {
    return pattern;
  }

  public void setPattern(String v) {
    pattern = v;
  }

  public String getChoices() {
    return choices;
  }

  public void setChoices(String v) {
    choices = v;
  }

  public String getIfField() {
    return ifField;
  }

  public void setIfField(String v) {
    ifField = v;
  }

  public String getIfValue() {
    return ifValue;
  }

  public void setIfValue(String v) {
    ifValue = v;
  }

  public String getFimId() {
    return fimId;
  }

  public void setFimId(String v) {
    fimId = v;
  }
}
