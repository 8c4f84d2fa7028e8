package eu.rathaus.privacy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a municipality's public contact data (letterhead, data protection officer): both tables are
 * readable by everyone (V11, V18), as they are printed on notices and pages anyway.
 */
@ApplicationScoped
public class ControllerSql {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** authority, address 1, address 2, phone, e-mail, web, DPO name, DPO contact; null if unset. */
  public Optional<String[]> of(UUID municipalityId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select l.authority_name, l.address_line1, l.address_line2, l.phone, l.email,"
                    + " l.web_address, p.dpo_name, p.dpo_contact"
                    + " from municipality m"
                    + " left join municipality_letterhead l on l.municipality_id = m.id"
                    + " left join municipality_profile p on p.municipality_id = m.id"
                    + " where m.id = ?1")
            .setParameter(1, municipalityId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r -> {
              String[] values = new String[r.length];
              for (int i = 0; i < r.length; i++) {
                values[i] = (String) r[i];
              }
              return values;
            });
  }
}
