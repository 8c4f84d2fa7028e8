package eu.rathaus.catalogue.application;

import java.io.Serializable;

/**
 * What the builder's settings panel holds, as typed: fee ({@code fixed} with euros, or {@code
 * byChoice} with a field and one {@code choice = euros} line per choice), level of assurance,
 * processing days, attachment limits and whether the office decides before payment.
 */
public class SettingsInput implements Serializable {

  private static final long serialVersionUID = 1L;

  private String feeMode;
  private String feeEuros;
  private String feeField;
  private String feeAmounts;
  private String loa;
  private String days;
  private String attCount;
  private String attSizeKb;
  private String attTypes;
  private boolean decideBeforePayment;

  public String getFeeMode() {
    return feeMode;
  }

  public void setFeeMode(String v) {
    feeMode = v;
  }

  public String getFeeEuros() {
    return feeEuros;
  }

  public void setFeeEuros(String v) {
    feeEuros = v;
  }

  public String getFeeField() {
    return feeField;
  }

  public void setFeeField(String v) {
    feeField = v;
  }

  public String getFeeAmounts() {
    return feeAmounts;
  }

  public void setFeeAmounts(String v) {
    feeAmounts = v;
  }

  public String getLoa() {
    return loa;
  }

  public void setLoa(String v) {
    loa = v;
  }

  public String getDays() {
    return days;
  }

  public void setDays(String v) {
    days = v;
  }

  public String getAttCount() {
    return attCount;
  }

  public void setAttCount(String v) {
    attCount = v;
  }

  public String getAttSizeKb() {
    return attSizeKb;
  }

  public void setAttSizeKb(String v) {
    attSizeKb = v;
  }

  public String getAttTypes() {
    return attTypes;
  }

  public void setAttTypes(String v) {
    attTypes = v;
  }

  public boolean isDecideBeforePayment() {
    return decideBeforePayment;
  }

  public void setDecideBeforePayment(boolean v) {
    decideBeforePayment = v;
  }
}
