package eu.rathaus.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The revision of everything the public catalogue pages show (issue 16): a number that the database
 * bumps in the same transaction as any publish, retirement or change of a municipality's public
 * data (triggers of V37). The portal's ETags and response cache are keyed by it, so a change made
 * on one node is seen by every node at its next request.
 */
@ApplicationScoped
public class CatalogueRevision {

  /** The revision and when it last changed. */
  public record Current(long revision, Instant changedAt) {}

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** One primary-key read; the table has no row-level security (it holds no tenant data). */
  @Transactional
  public Current current() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select revision, cast(extract(epoch from changed_at) * 1000 as bigint)"
                        + " from catalogue_revision where id = 1")
                .getSingleResult();
    return new Current(
        ((Number) row[0]).longValue(), Instant.ofEpochMilli(((Number) row[1]).longValue()));
  }
}
