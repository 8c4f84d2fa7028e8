package eu.rathaus.web.session;

/**
 * A page inside the portal to come back to after signing in, taken from a URL parameter. Only paths
 * of this portal are accepted ({@code /citizen/profile.xhtml}), never another host ({@code //evil},
 * {@code https://…}), so the parameter cannot be abused as an open redirect.
 */
final class ReturnPath {

  static final String PARAM = "return";

  private ReturnPath() {}

  /** The path if it is a safe local one, else {@code "/"}. */
  static String sanitize(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > 500) {
      return "/";
    }
    if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.contains("\\")) {
      return "/";
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c < 0x21 || c == 0x7f) {
        return "/";
      }
    }
    return candidate;
  }
}
