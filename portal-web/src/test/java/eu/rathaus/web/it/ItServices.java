package eu.rathaus.web.it;

import eu.rathaus.catalogue.application.DemoTemplates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * Publishes a shipped demo template as a service of a municipality, directly in the test database,
 * for browser tests that run against the stack from outside (no CDI there). It writes exactly the
 * rows the catalogue would (definition + published version 1, current), under a fresh service key.
 */
public final class ItServices {

  private ItServices() {}

  /** Returns the new service key. */
  public static String publish(String templateResource, String municipalitySlug) throws Exception {
    return publishTemplate(DemoTemplates.load(templateResource), municipalitySlug);
  }

  /** Publishes the template text {@code template} (e.g. a shipped one with a change). */
  public static String publishTemplate(String template, String municipalitySlug) throws Exception {
    String key = "ui." + UUID.randomUUID().toString().substring(0, 8);
    UUID definition = UUID.randomUUID();
    UUID version = UUID.randomUUID();
    try (Connection c = Jdbc.superuser()) {
      c.setAutoCommit(false);
      try (PreparedStatement d =
              c.prepareStatement(
                  "insert into service_definition (id, municipality_id, service_key, category, title_de, title_en,"
                      + " description_de, description_en, status, current_version_id)"
                      + " select ?, m.id, ?, t->>'category', t->'title'->>'de', t->'title'->>'en', t->'description'->>'de',"
                      + " t->'description'->>'en', 'ACTIVE', ? from municipality m, (select ?::jsonb as t) doc where m.slug = ?");
          PreparedStatement v =
              c.prepareStatement(
                  "insert into service_version (id, definition_id, municipality_id, version_number, status, form, fee_rule,"
                      + " required_loa, processing_days, published_at)"
                      + " select ?, ?, m.id, 1, 'PUBLISHED', t->'form', t->'form'->'fee', t->'form'->>'levelOfAssurance',"
                      + " (t->'form'->>'processingDays')::int, now() from municipality m, (select ?::jsonb as t) doc where m.slug = ?")) {
        d.setObject(1, definition);
        d.setString(2, key);
        d.setObject(3, version);
        d.setString(4, template);
        d.setString(5, municipalitySlug);
        d.executeUpdate();
        v.setObject(1, version);
        v.setObject(2, definition);
        v.setString(3, template);
        v.setString(4, municipalitySlug);
        v.executeUpdate();
      }
      c.commit();
    }
    return key;
  }
}
