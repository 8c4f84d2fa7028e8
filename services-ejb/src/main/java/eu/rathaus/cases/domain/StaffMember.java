package eu.rathaus.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A member of a municipality's staff who has worked in the back office: the people a case can be
 * reassigned to. Kept by the portal on each visit with the name from the identity provider, so
 * reassigning needs no round trip to Keycloak and the list is always the municipality's own.
 */
@Entity
@IdClass(StaffMember.Key.class)
@Table(name = "case_staff")
public class StaffMember {

  /** Composite key: a person may be staff of more than one municipality. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID municipalityId;
    String subject;

    public Key() {}

    public Key(UUID municipalityId, String subject) {
      this.municipalityId = municipalityId;
      this.subject = subject;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(k.municipalityId, municipalityId)
          && Objects.equals(k.subject, subject);
    }

    @Override
    public int hashCode() {
      return Objects.hash(municipalityId, subject);
    }
  }

  @Id
  @Column(name = "municipality_id")
  private UUID municipalityId;

  @Id
  @Column(length = 255)
  private String subject;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "seen_at", nullable = false)
  private Instant seenAt;

  protected StaffMember() {}

  public StaffMember(UUID municipalityId, String subject, String displayName, Instant seenAt) {
    this.municipalityId = municipalityId;
    this.subject = subject;
    this.displayName = displayName;
    this.seenAt = seenAt;
  }

  /** Updates the name if the identity provider now says otherwise. */
  public void seen(String name, Instant now) {
    this.displayName = name;
    this.seenAt = now;
  }

  public UUID municipalityId() {
    return municipalityId;
  }

  public String subject() {
    return subject;
  }

  public String displayName() {
    return displayName;
  }
}
