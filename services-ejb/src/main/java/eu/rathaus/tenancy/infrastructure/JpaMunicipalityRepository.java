package eu.rathaus.tenancy.infrastructure;

import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import eu.rathaus.tenancy.domain.MunicipalityStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link MunicipalityRepository}. */
@ApplicationScoped
public class JpaMunicipalityRepository implements MunicipalityRepository {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public Optional<Municipality> findById(UUID id) {
    return Optional.ofNullable(id == null ? null : em.find(Municipality.class, id));
  }

  @Override
  public Optional<Municipality> findBySlug(String slug) {
    return em.createQuery("select m from Municipality m where m.slug = :slug", Municipality.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Municipality> searchActive(String text, int limit) {
    String pattern =
        "%" + escapeLike(text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) + "%";
    return em.createQuery(
            "select m from Municipality m where m.status = :active and (lower(m.name) like :p escape '\\'"
                + " or m.slug like :p escape '\\' or m.ags like :p escape '\\' or lower(m.state) like :p escape '\\')"
                + " order by m.name",
            Municipality.class)
        .setParameter("active", MunicipalityStatus.ACTIVE)
        .setParameter("p", pattern)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Makes user text match literally: % and _ are wildcards in LIKE. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
