package eu.rathaus.registers.residents.infrastructure;

import static eu.rathaus.kernel.NativeRows.rows;

import eu.rathaus.registers.residents.domain.HouseholdMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The household of the citizen's own record in the built-in register (V58, {@code
 * rathaus_own_household}): the other members' ids, names, birth dates and relations, nothing else
 * of their records; only in her citizen scope and for the record linked to her eID pseudonym, which
 * is named in {@code rathaus.eid} for this one query. The one reader of that function: the built-in
 * register ({@link PostgresResidentRegister}) reads her household through it.
 */
@ApplicationScoped
public class OwnHouseholdSql {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  public List<HouseholdMember> of(UUID municipality, String eidPseudonym) {
    if (eidPseudonym == null || eidPseudonym.isBlank()) {
      return List.of();
    }
    em.createNativeQuery("select set_config('rathaus.eid', ?1, true)")
        .setParameter(1, eidPseudonym)
        .getSingleResult();
    try {
      return rows(
              em.createNativeQuery(
                      "select id, given_names, family_name, birth_date, relation"
                          + " from rathaus_own_household(?1)")
                  .setParameter(1, municipality))
          .stream()
          .map(PostgresResidentRegister::member)
          .toList();
    } finally {
      em.createNativeQuery("select set_config('rathaus.eid', '', true)").getSingleResult();
    }
  }
}
