package eu.rathaus.tenancy.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Progress of one municipality's onboarding, so a retry knows which steps are done. */
@Entity
@Table(name = "municipality_onboarding")
public class OnboardingRecord {

  @Id
  @Column(name = "municipality_id")
  private UUID municipalityId;

  @Column(name = "admin_email", nullable = false, length = 254)
  private String adminEmail;

  @Column(name = "idp_discovery_url", length = 500)
  private String idpDiscoveryUrl;

  @Column(name = "admin_account_id", length = 64)
  private String adminAccountId;

  @Column(name = "invitation_sent_at")
  private Instant invitationSentAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected OnboardingRecord() {}

  public OnboardingRecord(UUID municipalityId, String adminEmail, String idpDiscoveryUrl) {
    this.municipalityId = municipalityId;
    this.adminEmail = adminEmail;
    this.idpDiscoveryUrl = idpDiscoveryUrl;
    this.updatedAt = Instant.now();
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public String adminEmail() {
    return adminEmail;
  }

  public String adminAccountId() {
    return adminAccountId;
  }

  public boolean invitationSent() {
    return invitationSentAt != null;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public String lastError() {
    return lastError;
  }

  public void adminAccount(String accountId) {
    this.adminAccountId = accountId;
    touch();
  }

  public void invitationSentNow() {
    this.invitationSentAt = Instant.now();
    touch();
  }

  public void completedNow() {
    this.completedAt = Instant.now();
    this.lastError = null;
    touch();
  }

  public void failed(String error) {
    this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    touch();
  }

  private void touch() {
    this.updatedAt = Instant.now();
  }
}
