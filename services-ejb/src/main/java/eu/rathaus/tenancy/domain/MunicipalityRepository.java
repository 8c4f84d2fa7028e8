package eu.rathaus.tenancy.domain;

import java.util.List;
import java.util.Optional;

/** Stored municipalities. */
public interface MunicipalityRepository {

  Optional<Municipality> findBySlug(String slug);

  /**
   * Active municipalities whose name, slug, AGS or state contains {@code text} (case-insensitive),
   * ordered by name; all active ones when {@code text} is blank.
   */
  List<Municipality> searchActive(String text, int limit);
}
