package eu.rathaus.tenancy.application;

import eu.rathaus.tenancy.domain.MunicipalityRepository;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Public directory of the municipalities on the platform: read-only, no personal data. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MunicipalityDirectory {

  /** Longest search text taken; longer input is cut rather than refused, it is only a filter. */
  public static final int MAX_QUERY_LENGTH = 100;

  private static final int MAX_RESULTS = 200;

  @Inject MunicipalityRepository repository;

  public List<MunicipalitySummary> search(String text) {
    String query = text == null ? "" : text.strip();
    if (query.length() > MAX_QUERY_LENGTH) {
      query = query.substring(0, MAX_QUERY_LENGTH);
    }
    return repository.searchActive(query, MAX_RESULTS).stream()
        .map(m -> new MunicipalitySummary(m.id(), m.slug(), m.name(), m.ags(), m.state()))
        .toList();
  }

  /**
   * A municipality citizens may see: active only. Suspended and half-onboarded ones behave like
   * unknown slugs, so their pages and API answer "not found" and reveal nothing.
   */
  public Optional<MunicipalitySummary> activeBySlug(String slug) {
    if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
      return Optional.empty();
    }
    return repository
        .findBySlug(slug)
        .filter(m -> m.status() == MunicipalityStatus.ACTIVE)
        .map(m -> new MunicipalitySummary(m.id(), m.slug(), m.name(), m.ags(), m.state()));
  }

  public Optional<MunicipalitySummary> bySlug(String slug) {
    return repository
        .findBySlug(slug)
        .map(m -> new MunicipalitySummary(m.id(), m.slug(), m.name(), m.ags(), m.state()));
  }
}
