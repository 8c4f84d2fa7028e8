package eu.rathaus.apiclients.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API clients, in the caller's transaction and scope (row-level security). */
public interface ApiClientRepository {

  List<ApiClient> of(UUID municipalityId);

  Optional<ApiClient> find(UUID municipalityId, UUID id);

  /** A client by its row id, whatever its municipality (the platform scope of the API's gate). */
  Optional<ApiClient> byId(UUID id);

  void add(ApiClient client, String changedBy);

  void setEnabled(UUID id, boolean enabled, String changedBy, Instant now);

  void secretIssued(UUID id, String changedBy, Instant now);

  void setRate(UUID id, Integer ratePerMinute, String changedBy, Instant now);

  void delete(UUID id);
}
