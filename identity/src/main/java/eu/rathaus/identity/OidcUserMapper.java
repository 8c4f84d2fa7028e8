package eu.rathaus.identity;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.IDToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/**
 * Reads a {@link CurrentUser} out of the principal that WildFly's elytron-oidc-client puts on the
 * request. This is the only class of the portal that knows about OIDC token types.
 */
public final class OidcUserMapper {

  /**
   * Claim with the eID level: Keycloak's own {@code acr} of realm {@code rathaus} describes only
   * the rathaus login, so the upstream eID acr travels as a user session note into this claim.
   */
  static final String LOA_CLAIM = "loa";

  private OidcUserMapper() {}

  /** The level of the {@code loa} claim; empty for staff logins and unknown values. */
  static java.util.Optional<LevelOfAssurance> levelOfAssurance(Object claim) {
    return LevelOfAssurance.fromClaim(claim);
  }

  private static Object claimValue(org.wildfly.security.http.oidc.JsonWebToken token, String name) {
    return token == null ? null : token.getClaimValue(name);
  }

  /** Returns the user, or {@code null} when the principal is not an OIDC principal. */
  public static CurrentUser fromPrincipal(Principal principal) {
    if (!(principal instanceof OidcPrincipal<?> oidc)) {
      return null;
    }
    OidcSecurityContext context = oidc.getOidcSecurityContext();
    return fromTokens(context.getIDToken(), context.getToken(), oidc.getName());
  }

  /**
   * The user of a verified access token alone, as an API client presents it (no ID token): see
   * {@link BearerTokens}.
   */
  public static CurrentUser fromAccessToken(AccessToken access) {
    return fromTokens(null, access, access.getSubject());
  }

  private static CurrentUser fromTokens(IDToken id, AccessToken access, String fallbackName) {
    String subject =
        access != null && access.getSubject() != null ? access.getSubject() : fallbackName;
    String username =
        firstNonNull(
            claim(id, "preferred_username"), claim(access, "preferred_username"), fallbackName);
    String name =
        firstNonNull(id != null ? id.getName() : null, access != null ? access.getName() : null);
    String email =
        firstNonNull(id != null ? id.getEmail() : null, access != null ? access.getEmail() : null);

    Set<String> roles = new LinkedHashSet<>();
    if (access != null) {
      RealmAccessClaim realmAccess = access.getRealmAccessClaim();
      if (realmAccess != null && realmAccess.getRoles() != null) {
        roles.addAll(realmAccess.getRoles());
      }
    }
    Object organizations = access != null ? access.getClaimValue("organization") : null;
    if (organizations == null && id != null) {
      organizations = id.getClaimValue("organization");
    }
    Object loa = firstNonNull(claimValue(id, LOA_CLAIM), claimValue(access, LOA_CLAIM));
    return new CurrentUser(
        subject,
        username,
        name,
        email,
        roles,
        organizationAliases(organizations),
        levelOfAssurance(loa).orElse(null));
  }

  /**
   * What the eID asserted about the person, as far as the ID token carries it (OIDC standard claims
   * {@code given_name}, {@code family_name}, {@code birthdate}, {@code address.formatted}; the
   * identity assurance claim {@code place_of_birth.locality}): the facts a form may be prefilled
   * with. Empty for other principals; a claim the broker did not send is absent.
   */
  public static Map<String, String> eidFacts(Principal principal) {
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    if (!(principal instanceof OidcPrincipal<?> oidc)) {
      return facts;
    }
    IDToken id = oidc.getOidcSecurityContext().getIDToken();
    if (id == null) {
      return facts;
    }
    putText(facts, "givenName", id.getGivenName());
    putText(facts, "familyName", id.getFamilyName());
    putText(facts, "birthDate", id.getBirthdate());
    // OpenID Connect for Identity Assurance: place_of_birth is an object; the eID gives the town.
    if (id.getClaimValue("place_of_birth") instanceof Map<?, ?> place
        && place.get("locality") != null) {
      putText(facts, "birthPlace", String.valueOf(place.get("locality")));
    }
    Object address = id.getClaimValue("address");
    if (address instanceof Map<?, ?> parts) {
      if (parts.get("formatted") != null) {
        putText(facts, "address", String.valueOf(parts.get("formatted")));
      }
      // The structured parts of the OIDC address claim, where the broker sends them.
      for (String part : new String[] {"street_address", "postal_code", "locality"}) {
        if (parts.get(part) != null) {
          putText(facts, "address." + part, String.valueOf(parts.get(part)));
        }
      }
    }
    return facts;
  }

  private static void putText(Map<String, String> facts, String key, String value) {
    if (value != null && !value.isBlank()) {
      facts.put(key, value.strip());
    }
  }

  /** The ID token as issued, needed to end the Keycloak session at sign-out. */
  public static String idTokenOf(Principal principal) {
    if (principal instanceof OidcPrincipal<?> oidc) {
      return oidc.getOidcSecurityContext().getIDTokenString();
    }
    return null;
  }

  /**
   * Keycloak sends the {@code organization} claim either as a list of aliases or, when attributes
   * are mapped, as an object keyed by alias. Both shapes yield the aliases.
   */
  static List<String> organizationAliases(Object claim) {
    List<String> aliases = new ArrayList<>();
    if (claim instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> aliases.add(String.valueOf(k)));
    } else if (claim instanceof Collection<?> list) {
      list.forEach(v -> aliases.add(String.valueOf(v)));
    } else if (claim instanceof String single
        && !single.isBlank()
        && !single.strip().matches("^[\\[{].*")) {
      aliases.add(single.strip());
    } else if (claim != null) {
      String text = claim.toString().trim();
      // jose4j may hand over JSON values; accept ["a","b"] and {"a":{}} forms as text too.
      text = text.replaceAll("^[\\[{]|[\\]}]$", "");
      for (String part : text.split(",")) {
        String alias = part.split(":")[0].replace("\"", "").trim();
        if (!alias.isEmpty()) {
          aliases.add(alias);
        }
      }
    }
    return aliases;
  }

  private static String claim(org.wildfly.security.http.oidc.JsonWebToken token, String name) {
    if (token == null) {
      return null;
    }
    Object value = token.getClaimValue(name);
    return value == null ? null : String.valueOf(value);
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
