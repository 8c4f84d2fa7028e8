package eu.rathaus.tenancy.application;

import eu.rathaus.tenancy.domain.GermanState;
import eu.rathaus.tenancy.domain.ReferenceCode;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a platform admin enters to onboard a municipality. */
public record OnboardingRequest(
    String name,
    String ags,
    String state,
    String slug,
    String emailDomain,
    String idpDiscoveryUrl,
    String adminEmail,
    String adminFirstName,
    String adminLastName,
    String idpClientId,
    String idpClientSecret,
    String referenceCode)
    implements Serializable {

  /** Without a chosen reference code: onboarding proposes one from the name. */
  public OnboardingRequest(
      String name,
      String ags,
      String state,
      String slug,
      String emailDomain,
      String idpDiscoveryUrl,
      String adminEmail,
      String adminFirstName,
      String adminLastName,
      String idpClientId,
      String idpClientSecret) {
    this(
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
        null);
  }

  /** Without a staff directory of its own, the municipality's staff use local accounts. */
  public OnboardingRequest(
      String name,
      String ags,
      String state,
      String slug,
      String emailDomain,
      String idpDiscoveryUrl,
      String adminEmail,
      String adminFirstName,
      String adminLastName) {
    this(
        name,
        ags,
        state,
        slug,
        emailDomain,
        idpDiscoveryUrl,
        adminEmail,
        adminFirstName,
        adminLastName,
        null,
        null,
        null);
  }

  private static final Pattern AGS = Pattern.compile("\\d{8}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[a-z0-9.-]{1,253}");

  /** Trims, lower-cases what is case-insensitive, and turns blanks into nulls. */
  public OnboardingRequest normalised() {
    return new OnboardingRequest(
        TypedText.clean(name),
        TypedText.clean(ags),
        TypedText.clean(state),
        TypedText.lower(slug),
        TypedText.lower(emailDomain),
        TypedText.clean(idpDiscoveryUrl),
        TypedText.lower(adminEmail),
        TypedText.clean(adminFirstName),
        TypedText.clean(adminLastName),
        TypedText.clean(idpClientId),
        idpClientSecret == null || idpClientSecret.isBlank() ? null : idpClientSecret,
        ReferenceCode.normalise(referenceCode));
  }

  /** Every problem at once, so the form can show them all. Call on a normalised request. */
  public List<FieldProblem> validate() {
    List<FieldProblem> problems = new ArrayList<>();
    if (name == null) {
      problems.add(FieldProblem.of("name", "onboarding.name.required"));
    } else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      problems.add(FieldProblem.of("name", "onboarding.name.invalid"));
    }
    Optional<GermanState> germanState =
        state == null ? Optional.empty() : GermanState.byDisplayName(state);
    if (germanState.isEmpty()) {
      problems.add(FieldProblem.of("state", "onboarding.state.required"));
    }
    if (ags == null || !AGS.matcher(ags).matches()) {
      problems.add(FieldProblem.of("ags", "onboarding.ags.format"));
    } else if (germanState.isPresent() && !ags.startsWith(germanState.get().code())) {
      problems.add(
          FieldProblem.of(
              "ags",
              "onboarding.ags.state",
              germanState.get().code(),
              germanState.get().displayName()));
    }
    if (slug == null || !SLUG.matcher(slug).matches()) {
      problems.add(FieldProblem.of("slug", "onboarding.slug.format"));
    }
    if (emailDomain == null
        || emailDomain.length() > 253
        || !DOMAIN.matcher(emailDomain).matches()) {
      problems.add(FieldProblem.of("emailDomain", "onboarding.domain.format"));
    }
    if (adminEmail == null || adminEmail.length() > 254 || !EMAIL.matcher(adminEmail).matches()) {
      problems.add(FieldProblem.of("adminEmail", "onboarding.email.format"));
    }
    if (referenceCode != null && !ReferenceCode.isValid(referenceCode)) {
      problems.add(FieldProblem.of("referenceCode", "onboarding.code.format"));
    }
    checkPersonName(problems, "adminFirstName", adminFirstName);
    checkPersonName(problems, "adminLastName", adminLastName);
    if (idpDiscoveryUrl != null && !isHttpsUrl(idpDiscoveryUrl)) {
      problems.add(FieldProblem.of("idpDiscoveryUrl", "onboarding.idp.format"));
    }
    if (idpDiscoveryUrl != null && (idpClientId == null || idpClientId.length() > 200)) {
      problems.add(FieldProblem.of("idpClientId", "onboarding.idp.client.required"));
    }
    if (idpDiscoveryUrl != null && (idpClientSecret == null || idpClientSecret.length() > 500)) {
      problems.add(FieldProblem.of("idpClientSecret", "onboarding.idp.secret.required"));
    }
    return problems;
  }

  private static void checkPersonName(List<FieldProblem> problems, String field, String value) {
    if (value == null) {
      problems.add(FieldProblem.of(field, "onboarding.person.required"));
    } else if (value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
      problems.add(FieldProblem.of(field, "onboarding.person.invalid"));
    }
  }

  private static boolean isHttpsUrl(String text) {
    try {
      URI uri = URI.create(text);
      return ("https".equals(uri.getScheme())
              || ("http".equals(uri.getScheme()) && "localhost".equals(uri.getHost())))
          && uri.getHost() != null
          && text.length() <= 500;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Never prints the client secret (requests end up in logs and error reports). */
  @Override
  public String toString() {
    return "OnboardingRequest[slug="
        + slug
        + ", ags="
        + ags
        + ", code="
        + referenceCode
        + ", idp="
        + idpDiscoveryUrl
        + "]";
  }
}
