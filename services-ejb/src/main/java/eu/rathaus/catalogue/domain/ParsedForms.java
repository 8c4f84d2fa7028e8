package eu.rathaus.catalogue.domain;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored form documents already read (validated and parsed) on this node, by version id.
 *
 * <p>A hit needs the very same document text, not only the same id, so the cache can never hand out
 * a definition the database does not hold: a draft edited meanwhile, or a version replaced by an
 * import, simply misses and is read again. Published versions never change, so for them (every page
 * a citizen fills in) the schema validation runs once per node instead of on every request. Nothing
 * to invalidate, on one node or many; a {@link FormDefinition} is immutable and shared.
 */
final class ParsedForms {

  /** More versions than a node serves at once; beyond it the cache starts over. */
  static final int LIMIT = 2_000;

  private static final Map<UUID, Entry> READ = new ConcurrentHashMap<>();

  private record Entry(String json, FormDefinition definition) {}

  private ParsedForms() {}

  /** The definition of the stored document {@code json} of version {@code versionId}. */
  static FormDefinition read(UUID versionId, String json) {
    if (versionId == null) {
      return FormDefinitionValidator.readTrusted(json);
    }
    Entry known = READ.get(versionId);
    if (known != null && known.json().equals(json)) {
      return known.definition();
    }
    FormDefinition definition = FormDefinitionValidator.readTrusted(json);
    if (READ.size() >= LIMIT) {
      READ.clear();
    }
    READ.put(versionId, new Entry(json, definition));
    return definition;
  }
}
