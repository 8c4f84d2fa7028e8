package eu.rathaus.catalogue.infrastructure;

import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.catalogue.domain.ServiceListing;
import eu.rathaus.catalogue.domain.ServiceListingRepository;
import eu.rathaus.identity.LevelOfAssurance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The public catalogue in SQL: one query per page, no entity loaded, no form document parsed.
 *
 * <p>Search uses PostgreSQL's German full-text search on the {@code search_vector} columns of V3
 * ({@code websearch_to_tsquery}: quotes, {@code or} and {@code -word} work as people expect from
 * web search engines, and it never fails on odd input). German writes nouns together, and
 * PostgreSQL's German configuration has no compound splitting, so "Parkausweis" alone would miss
 * "Bewohnerparkausweis". A second condition therefore accepts a service when every stemmed word of
 * the query (four letters or more) occurs <em>inside</em> one of its stemmed words. Such matches
 * are listed after the real full-text matches. That condition cannot use the GIN index, but it only
 * runs over one municipality's offered services — tens, at most a few hundred rows. It knows
 * nothing of the web search operators, so a query that uses them (a phrase, {@code or}, {@code
 * -word}) gets the exact full-text semantics only: "gebührenfrei -Hund" must not bring the dog tax
 * back in.
 */
@ApplicationScoped
public class JpaServiceListingRepository implements ServiceListingRepository {

  private static final String COLUMNS =
      "select d.service_key, d.category, d.title_de, d.title_en, d.description_de, d.description_en,"
          + " v.version_number, v.required_loa, v.processing_days,"
          + " case when v.fee_rule ->> 'type' = 'fixed' then cast(v.fee_rule ->> 'amountCents' as bigint)"
          + "      else (select min(cast(e.value as bigint)) from jsonb_each_text(v.fee_rule -> 'amountsCents') e) end,"
          + " case when v.fee_rule ->> 'type' = 'fixed' then cast(v.fee_rule ->> 'amountCents' as bigint)"
          + "      else (select max(cast(e.value as bigint)) from jsonb_each_text(v.fee_rule -> 'amountsCents') e) end";

  // The composite join (id and definition) and both status checks repeat what RLS and the deferred
  // trigger of V3 guarantee; the query stays right even for a caller in platform scope.
  private static final String OFFERED =
      " from service_definition d"
          + " join service_version v on v.id = d.current_version_id and v.definition_id = d.id"
          + " and v.municipality_id = d.municipality_id"
          + " where d.municipality_id = ?1 and d.status = 'ACTIVE' and v.status = 'PUBLISHED'";

  private static final String SEARCH =
      COLUMNS
          + " from service_definition d"
          + " join service_version v on v.id = d.current_version_id and v.definition_id = d.id"
          + " and v.municipality_id = d.municipality_id"
          + " cross join (select websearch_to_tsquery('german', ?2) as query,"
          + "   coalesce((select array_agg(p.lexeme) from unnest(to_tsvector('german', ?2)) p), cast('{}' as text[])) as parts) q"
          + " where d.municipality_id = ?1 and d.status = 'ACTIVE' and v.status = 'PUBLISHED'"
          + " and (d.search_vector @@ q.query"
          + "   or (?3 and cardinality(q.parts) > 0 and not exists ("
          + "     select 1 from unnest(q.parts) as part(word)"
          + "     where not exists (select 1 from unnest(d.search_vector) l"
          + "       where l.lexeme = part.word or (length(part.word) >= 4 and strpos(l.lexeme, part.word) > 0)))))"
          + " order by (d.search_vector @@ q.query) desc, ts_rank(d.search_vector, q.query) desc, d.title_de, d.service_key";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public List<ServiceListing> offered(UUID municipalityId, int limit) {
    return rows(
        em.createNativeQuery(COLUMNS + OFFERED + " order by d.category, d.title_de, d.service_key")
            .setParameter(1, municipalityId)
            .setMaxResults(limit)
            .getResultList());
  }

  @Override
  public List<ServiceListing> search(UUID municipalityId, String text, int limit) {
    return rows(
        em.createNativeQuery(SEARCH)
            .setParameter(1, municipalityId)
            .setParameter(2, text)
            .setParameter(3, !usesOperators(text))
            .setMaxResults(limit)
            .getResultList());
  }

  /** True if the text uses web search syntax: quotes, a word excluded with "-", or "or". */
  static boolean usesOperators(String text) {
    return text.indexOf('"') >= 0
        || text.matches("(?s)(^|.*\\s)-\\S.*")
        || text.matches("(?is)(^|.*\\s)or(\\s.*|$)");
  }

  @SuppressWarnings("unchecked")
  private static List<ServiceListing> rows(List<?> result) {
    return ((List<Object[]>) result).stream().map(JpaServiceListingRepository::toListing).toList();
  }

  private static ServiceListing toListing(Object[] r) {
    return new ServiceListing(
        (String) r[0],
        (String) r[1],
        new LocalizedText((String) r[2], (String) r[3]),
        new LocalizedText((String) r[4], (String) r[5]),
        ((Number) r[6]).intValue(),
        Money.euroCents(((Number) r[9]).longValue()),
        Money.euroCents(((Number) r[10]).longValue()),
        LevelOfAssurance.valueOf((String) r[7]),
        ((Number) r[8]).intValue());
  }
}
