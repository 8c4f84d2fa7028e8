package eu.rathaus.catalogue.domain;

import java.util.List;
import java.util.UUID;

/**
 * Read model of the public catalogue: the services a municipality currently offers (active, with a
 * published current version). Every query names the municipality; row-level security checks again.
 */
public interface ServiceListingRepository {

  /** All offered services of the municipality, by category and title. */
  List<ServiceListing> offered(UUID municipalityId, int limit);

  /**
   * Offered services matching {@code text} (already cleaned, see {@link SearchText}), best first:
   * German full-text matches by rank, then matches inside compound words.
   */
  List<ServiceListing> search(UUID municipalityId, String text, int limit);
}
