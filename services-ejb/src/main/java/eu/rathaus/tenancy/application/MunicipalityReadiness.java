package eu.rathaus.tenancy.application;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.tenancy.domain.ReadinessItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a municipality still lacks before it can take applications and fees ({@link ReadinessItem}),
 * read in one query from its own rows: municipality (reference code, payee account), letterhead,
 * profile (data protection officer, opening hours) and an active legal remedy text block.
 */
@ApplicationScoped
public class MunicipalityReadiness {

  private static final String CHECK =
      "select cast(m.id as text), m.reference_code is not null,"
          + " m.payee_name is not null and m.payee_iban is not null,"
          + " l.authority_name is not null and l.address_line1 is not null"
          + "   and (l.phone is not null or l.email is not null),"
          + " exists (select 1 from decision_text_block b where b.municipality_id = m.id"
          + "   and b.kind = 'LEGAL_REMEDY' and b.active),"
          + " p.dpo_name is not null and p.dpo_contact is not null,"
          + " p.opening_hours is not null"
          + " from municipality m"
          + " left join municipality_letterhead l on l.municipality_id = m.id"
          + " left join municipality_profile p on p.municipality_id = m.id";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;

  /** The caller's own municipality (staff scope), inside the caller's transaction and scope. */
  @Transactional
  @TenantScoped
  public Set<ReadinessItem> ofOwnMunicipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Readiness of the own municipality needs a staff scope");
    }
    return missing(scope.municipalityId());
  }

  /**
   * What {@code municipalityId} lacks; joins the caller's transaction (staff of it, or platform).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<ReadinessItem> missing(UUID municipalityId) {
    List<?> rows =
        em.createNativeQuery(CHECK + " where m.id = ?1")
            .setParameter(1, municipalityId)
            .getResultList();
    if (rows.isEmpty()) {
      return EnumSet.allOf(ReadinessItem.class);
    }
    return missingOf((Object[]) rows.get(0));
  }

  /**
   * Every municipality's gaps, for the platform admin's list (platform scope, caller's
   * transaction).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<UUID, Set<ReadinessItem>> all() {
    Map<UUID, Set<ReadinessItem>> result = new HashMap<>();
    for (Object row : em.createNativeQuery(CHECK).getResultList()) {
      Object[] columns = (Object[]) row;
      result.put(UUID.fromString((String) columns[0]), missingOf(columns));
    }
    return result;
  }

  /**
   * The problems that stop publishing a service (with {@code charges}: its fee can be above zero).
   */
  public static List<ReadinessItem> blockingPublication(
      Set<ReadinessItem> missing, boolean charges) {
    List<ReadinessItem> blocking = new ArrayList<>();
    for (ReadinessItem item : missing) {
      if (item.blocksPublishing(charges)) {
        blocking.add(item);
      }
    }
    return blocking;
  }

  private static Set<ReadinessItem> missingOf(Object[] columns) {
    Set<ReadinessItem> missing = EnumSet.noneOf(ReadinessItem.class);
    ReadinessItem[] items = ReadinessItem.values();
    for (int i = 0; i < items.length; i++) {
      if (!Boolean.TRUE.equals(columns[i + 1])) {
        missing.add(items[i]);
      }
    }
    return missing;
  }
}
