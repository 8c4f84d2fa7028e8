package eu.rathaus.platform;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's one way to read a setting: MicroProfile Config, which in WildFly looks at system
 * properties, then environment variables, then one file per key in the secrets folder ({@code
 * RATHAUS_SECRETS_DIR}, default {@code /run/secrets}). Keys are the upper-case names listed in the
 * README's configuration table. Blank values count as missing.
 */
public final class Settings {

  private Settings() {}

  /** The value of {@code key}, stripped, or empty if it is not set or blank. */
  public static Optional<String> value(String key) {
    return ConfigProvider.getConfig()
        .getOptionalValue(key, String.class)
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  /** The value of {@code key}, or {@code fallback} (the demo default) if it is not set. */
  public static String text(String key, String fallback) {
    return value(key).orElse(fallback);
  }

  /** A whole number, or {@code fallback} if the key is not set or not a number. */
  public static long number(String key, long fallback) {
    try {
      return value(key).map(Long::parseLong).orElse(fallback);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
