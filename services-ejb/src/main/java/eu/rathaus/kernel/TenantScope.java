package eu.rathaus.kernel;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * What the current caller may see of tenant-owned data. The service layer filters by it, and the
 * same values go to PostgreSQL as per-transaction settings for row-level security, so a forgotten
 * filter still leaks nothing.
 */
public record TenantScope(Kind kind, UUID municipalityId, String subject) implements Serializable {

  /** Who is asking. */
  public enum Kind {
    /** Anonymous visitors: public catalogue data only. */
    PUBLIC,
    /** A signed-in citizen: public data and their own rows. */
    CITIZEN,
    /** Clerks and municipal admins: their own municipality's data. */
    STAFF,
    /** Platform operators and system jobs: everything. */
    PLATFORM
  }

  public TenantScope {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.STAFF && municipalityId == null) {
      throw new IllegalArgumentException("staff scope needs a municipality");
    }
    if (kind == Kind.CITIZEN && (subject == null || subject.isBlank())) {
      throw new IllegalArgumentException("citizen scope needs a subject");
    }
  }

  public static TenantScope anonymous() {
    return new TenantScope(Kind.PUBLIC, null, null);
  }

  public static TenantScope citizen(String subject) {
    return new TenantScope(Kind.CITIZEN, null, subject);
  }

  public static TenantScope staff(UUID municipalityId, String subject) {
    return new TenantScope(Kind.STAFF, municipalityId, subject);
  }

  public static TenantScope platform(String subject) {
    return new TenantScope(Kind.PLATFORM, null, subject);
  }

  /** The value of the {@code rathaus.scope} database setting. */
  public String databaseScope() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
