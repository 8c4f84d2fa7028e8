package eu.rathaus.tenancy.application;

import java.io.Serializable;

/**
 * The onboarding form as the platform admin fills it in, field by field (a Faces page binds to its
 * properties); {@link #toRequest()} hands it over as typed. Trimming, lower-casing and checking are
 * {@link OnboardingRequest#normalised()} and {@link OnboardingRequest#validate()}'s alone, so the
 * form and every other caller get the same rules.
 */
public class OnboardingForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String ags;
  private String state;
  private String slug;
  private String emailDomain;
  private String idpDiscoveryUrl;
  private String adminEmail;
  private String adminFirstName;
  private String adminLastName;
  private String idpClientId;
  private String idpClientSecret;
  private String referenceCode;

  /** What was typed, unchanged. */
  public OnboardingRequest toRequest() {
    return new OnboardingRequest(
        name,
        ags,
        state,
        slug,
        emailDomain,
        idpDiscoveryUrl,
        adminEmail,
        adminFirstName,
        adminLastName,
        idpClientId,
        idpClientSecret,
        referenceCode);
  }

  /** Forgets the directory's client secret: it is never rendered back into the page. */
  public void forgetSecret() {
    idpClientSecret = null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAgs() {
    return ags;
  }

  public void setAgs(String ags) {
    this.ags = ags;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getEmailDomain() {
    return emailDomain;
  }

  public void setEmailDomain(String emailDomain) {
    this.emailDomain = emailDomain;
  }

  public String getIdpDiscoveryUrl() {
    return idpDiscoveryUrl;
  }

  public void setIdpDiscoveryUrl(String idpDiscoveryUrl) {
    this.idpDiscoveryUrl = idpDiscoveryUrl;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }

  public String getAdminFirstName() {
    return adminFirstName;
  }

  public void setAdminFirstName(String adminFirstName) {
    this.adminFirstName = adminFirstName;
  }

  public String getAdminLastName() {
    return adminLastName;
  }

  public void setAdminLastName(String adminLastName) {
    this.adminLastName = adminLastName;
  }

  public String getIdpClientId() {
    return idpClientId;
  }

  public void setIdpClientId(String idpClientId) {
    this.idpClientId = idpClientId;
  }

  /** Always empty: the secret is write-only. */
  public String getIdpClientSecret() {
    return null;
  }

  public void setIdpClientSecret(String idpClientSecret) {
    this.idpClientSecret = idpClientSecret;
  }

  /** Optional: blank lets onboarding propose one from the name. */
  public String getReferenceCode() {
    return referenceCode;
  }

  public void setReferenceCode(String referenceCode) {
    this.referenceCode = referenceCode;
  }
}
