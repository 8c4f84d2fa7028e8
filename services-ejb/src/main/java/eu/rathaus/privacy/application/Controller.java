package eu.rathaus.privacy.application;

import java.io.Serializable;

/**
 * The controller (Art. 4(7) GDPR) as the municipality states it in its settings: the authority of
 * its letterhead, its contact data and its data protection officer. Any part may be missing (the
 * readiness list asks the admin to complete it).
 */
public record Controller(
    String authorityName,
    String addressLine1,
    String addressLine2,
    String phone,
    String email,
    String webAddress,
    String dpoName,
    String dpoContact)
    implements Serializable {

  public String getAuthorityName() {
    return authorityName;
  }

  public String getAddressLine1() {
    return addressLine1;
  }

  public String getAddressLine2() {
    return addressLine2;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public String getWebAddress() {
    return webAddress;
  }

  public String getDpoName() {
    return dpoName;
  }

  public String getDpoContact() {
    return dpoContact;
  }
}
