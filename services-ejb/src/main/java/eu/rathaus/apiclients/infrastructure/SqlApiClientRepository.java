package eu.rathaus.apiclients.infrastructure;

import eu.rathaus.apiclients.domain.ApiClient;
import eu.rathaus.apiclients.domain.ApiClientRepository;
import eu.rathaus.apiclients.domain.ApiScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Native SQL on the V67 table, in the caller's transaction and scope (row-level security). */
@ApplicationScoped
public class SqlApiClientRepository implements ApiClientRepository {

  private static final String COLUMNS =
      "id, municipality_id, client_id, name, scopes, redirect_uris, rate_per_minute, enabled,"
          + " created_at, secret_issued_at";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Override
  public List<ApiClient> of(UUID municipalityId) {
    return rows(
        "select " + COLUMNS + " from api_client where municipality_id = ?1 order by created_at, id",
        municipalityId);
  }

  @Override
  public Optional<ApiClient> find(UUID municipalityId, UUID id) {
    return rows(
            "select " + COLUMNS + " from api_client where municipality_id = ?1 and id = ?2",
            municipalityId,
            id)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<ApiClient> byId(UUID id) {
    return rows("select " + COLUMNS + " from api_client where id = ?1", id).stream().findFirst();
  }

  @SuppressWarnings("unchecked")
  private List<ApiClient> rows(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((List<Object[]>) query.getResultList())
        .stream()
            .map(
                r ->
                    new ApiClient(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (String) r[3],
                        ApiScope.parse((String) r[4]),
                        r[5] == null
                            ? List.of()
                            : Arrays.stream(((String) r[5]).split("\n"))
                                .filter(s -> !s.isBlank())
                                .toList(),
                        r[6] == null ? null : ((Number) r[6]).intValue(),
                        (Boolean) r[7],
                        instant(r[8]),
                        instant(r[9])))
            .toList();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return null;
  }

  @Override
  public void add(ApiClient c, String changedBy) {
    em.createNativeQuery(
            "insert into api_client (id, municipality_id, client_id, name, scopes, redirect_uris,"
                + " rate_per_minute, enabled, created_at, changed_at, changed_by, secret_issued_at)"
                + " values (?1, ?2, ?3, ?4, ?5, nullif(?6, ''), nullif(?7, 0), ?8, ?9, ?9, ?10, ?9)")
        .setParameter(1, c.id())
        .setParameter(2, c.municipalityId())
        .setParameter(3, c.clientId())
        .setParameter(4, c.name())
        .setParameter(5, ApiScope.join(c.scopes()))
        .setParameter(6, String.join("\n", c.redirectUris()))
        .setParameter(7, c.ratePerMinute() == null ? 0 : c.ratePerMinute())
        .setParameter(8, c.enabled())
        .setParameter(9, Timestamp.from(c.createdAt()))
        .setParameter(10, changedBy)
        .executeUpdate();
  }

  @Override
  public void setEnabled(UUID id, boolean enabled, String changedBy, Instant now) {
    em.createNativeQuery(
            "update api_client set enabled = ?2, changed_at = ?3, changed_by = ?4 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, enabled)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, changedBy)
        .executeUpdate();
  }

  @Override
  public void secretIssued(UUID id, String changedBy, Instant now) {
    em.createNativeQuery(
            "update api_client set secret_issued_at = ?2, changed_at = ?2, changed_by = ?3"
                + " where id = ?1")
        .setParameter(1, id)
        .setParameter(2, Timestamp.from(now))
        .setParameter(3, changedBy)
        .executeUpdate();
  }

  @Override
  public void setRate(UUID id, Integer ratePerMinute, String changedBy, Instant now) {
    // 0 stands for "the installation's default" (null), which a native query cannot bind typed.
    em.createNativeQuery(
            "update api_client set rate_per_minute = nullif(?2, 0), changed_at = ?3,"
                + " changed_by = ?4 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, ratePerMinute == null ? 0 : ratePerMinute)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, changedBy)
        .executeUpdate();
  }

  @Override
  public void delete(UUID id) {
    em.createNativeQuery("delete from api_client where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }
}
