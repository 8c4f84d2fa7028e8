package eu.rathaus.tenancy.application;

import java.io.Serializable;

/**
 * A municipality's own settings as its admin edits them: reference code, payee account, letterhead,
 * data protection officer and opening hours. A plain bean, so the settings page binds to it
 * directly; {@link MunicipalitySettings} reads it from and writes it to the database after checking
 * it.
 */
public class SettingsForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String referenceCode;
  private boolean referenceCodeEditable;
  private String payeeName;
  private String payeeIban;
  private String payeeBic;
  private String authorityName;
  private String addressLine1;
  private String addressLine2;
  private String phone;
  private String email;
  private String webAddress;
  private String dpoName;
  private String dpoContact;
  private String openingHours;
  private boolean logoStored;

  /** The municipality's name (shown, not editable here: it is the platform's record). */
  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getReferenceCode() {
    return referenceCode;
  }

  public void setReferenceCode(String referenceCode) {
    this.referenceCode = referenceCode;
  }

  /** False once an application carries the code. */
  public boolean isReferenceCodeEditable() {
    return referenceCodeEditable;
  }

  public void setReferenceCodeEditable(boolean referenceCodeEditable) {
    this.referenceCodeEditable = referenceCodeEditable;
  }

  public String getPayeeName() {
    return payeeName;
  }

  public void setPayeeName(String payeeName) {
    this.payeeName = payeeName;
  }

  public String getPayeeIban() {
    return payeeIban;
  }

  public void setPayeeIban(String payeeIban) {
    this.payeeIban = payeeIban;
  }

  public String getPayeeBic() {
    return payeeBic;
  }

  public void setPayeeBic(String payeeBic) {
    this.payeeBic = payeeBic;
  }

  public String getAuthorityName() {
    return authorityName;
  }

  public void setAuthorityName(String authorityName) {
    this.authorityName = authorityName;
  }

  public String getAddressLine1() {
    return addressLine1;
  }

  public void setAddressLine1(String addressLine1) {
    this.addressLine1 = addressLine1;
  }

  public String getAddressLine2() {
    return addressLine2;
  }

  public void setAddressLine2(String addressLine2) {
    this.addressLine2 = addressLine2;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getWebAddress() {
    return webAddress;
  }

  public void setWebAddress(String webAddress) {
    this.webAddress = webAddress;
  }

  public String getDpoName() {
    return dpoName;
  }

  public void setDpoName(String dpoName) {
    this.dpoName = dpoName;
  }

  public String getDpoContact() {
    return dpoContact;
  }

  public void setDpoContact(String dpoContact) {
    this.dpoContact = dpoContact;
  }

  public String getOpeningHours() {
    return openingHours;
  }

  public void setOpeningHours(String openingHours) {
    this.openingHours = openingHours;
  }

  /** Whether the letterhead has a logo (uploaded and removed separately, not with this form). */
  public boolean isLogoStored() {
    return logoStored;
  }

  public void setLogoStored(boolean logoStored) {
    this.logoStored = logoStored;
  }
}
