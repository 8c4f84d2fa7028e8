package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.PublicFoundItem;
import eu.rathaus.registers.lostproperty.infrastructure.LostPropertySql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public search of a municipality's found items (no sign-in): category, date range, place and
 * words. It returns no personal data — the finder lives in another table that no public scope can
 * read (V42) — and only items that are still FOUND.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class LostPropertySearch {

  public static final int LIMIT = 100;

  /** What is searched for; null or blank parts do not filter. */
  public record Criteria(
      Optional<ItemCategory> category, LocalDate from, LocalDate to, String place, String words) {}

  @Inject LostPropertySql sql;

  public List<PublicFoundItem> search(UUID municipality, Criteria criteria) {
    return sql.search(
        municipality,
        criteria.category().map(ItemCategory::key).orElse(null),
        criteria.from(),
        criteria.to(),
        blankToNull(criteria.place()),
        blankToNull(criteria.words()),
        LIMIT);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
