package eu.rathaus.web.lostproperty;

import java.util.Optional;
import java.util.UUID;

/** Ids as pages and links send them: anything that is no UUID is simply none (404, not 500). */
final class Ids {

  private Ids() {}

  static Optional<UUID> parse(String id) {
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
