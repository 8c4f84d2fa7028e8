package eu.rathaus.apiclients.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API client may call. */
public enum ApiScope {
  /** The read-only public API (municipalities, services) with the client's own rate limit. */
  PUBLIC_READ("public-read"),
  /**
   * The submission API on behalf of a citizen: the citizen signs in through the client
   * (authorization code flow with PKCE) and the client sends her access token.
   */
  SUBMISSION("submission");

  private final String code;

  ApiScope(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ApiScope> ofCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    for (ApiScope s : values()) {
      if (s.code.equals(c)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The stored form: codes joined by commas, in declaration order. */
  public static String join(Set<ApiScope> scopes) {
    return scopes.stream().sorted().map(ApiScope::code).collect(Collectors.joining(","));
  }

  /** The stored form read back; unknown codes are dropped. */
  public static Set<ApiScope> parse(String joined) {
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    if (joined != null) {
      for (String part : joined.split(",")) {
        ofCode(part).ifPresent(scopes::add);
      }
    }
    return scopes;
  }
}
