package eu.rathaus.kernel;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the current caller may see of tenant-owned data. The service layer filters by it, and the
 * same values go to PostgreSQL as per-transaction settings for row-level security, so a forgotten
 * filter still leaks nothing.
 */
public record TenantScope(Kind kind, UUID municipalityId, String subject, Set<String> roles)
    implements Serializable {

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

  /**
   * The role a case may require of the staff who work it (a data protection request: {@code
   * data-protection}); see {@code V65__cases_for_a_staff_role.sql}.
   */
  public static final String DATA_PROTECTION = "data-protection";

  /**
   * The role of the registration office (Meldewesen): opens the resident register and approves a
   * change of address, which writes it.
   */
  public static final String REGISTER_CLERK = "register-clerk";

  public TenantScope {
    Objects.requireNonNull(kind, "kind");
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    for (String role : roles) {
      if (role.isBlank() || role.contains(",")) {
        throw new IllegalArgumentException("role names are non-blank and free of commas: " + role);
      }
    }
    if (kind == Kind.STAFF && municipalityId == null) {
      throw new IllegalArgumentException("staff scope needs a municipality");
    }
    if (kind == Kind.CITIZEN && (subject == null || subject.isBlank())) {
      throw new IllegalArgumentException("citizen scope needs a subject");
    }
  }

  /** A scope without staff roles (citizens, anonymous visitors, jobs). */
  public TenantScope(Kind kind, UUID municipalityId, String subject) {
    this(kind, municipalityId, subject, Set.of());
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

  /**
   * Staff with their roles: a case that requires a role ({@link #DATA_PROTECTION}) is seen only by
   * staff who hold it.
   */
  public static TenantScope staff(UUID municipalityId, String subject, Set<String> roles) {
    return new TenantScope(Kind.STAFF, municipalityId, subject, roles);
  }

  /** True when this is staff holding {@code role}. */
  public boolean staffWithRole(String role) {
    return kind == Kind.STAFF && roles.contains(role);
  }

  /**
   * The value of the {@code rathaus.roles} database setting: the roles, sorted, comma-separated.
   */
  public String databaseRoles() {
    return String.join(",", new java.util.TreeSet<>(roles));
  }

  public static TenantScope platform(String subject) {
    return new TenantScope(Kind.PLATFORM, null, subject);
  }

  /** The value of the {@code rathaus.scope} database setting. */
  public String databaseScope() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
