package eu.rathaus.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored municipalities. */
public interface MunicipalityRepository {

  /**
   * The municipality with this id (any status); the one way every capability looks a municipality
   * up.
   */
  Optional<Municipality> findById(UUID id);

  Optional<Municipality> findBySlug(String slug);

  /**
   * Active municipalities whose name, slug, AGS or state contains {@code text} (case-insensitive),
   * ordered by name; all active ones when {@code text} is blank.
   */
  List<Municipality> searchActive(String text, int limit);
}
