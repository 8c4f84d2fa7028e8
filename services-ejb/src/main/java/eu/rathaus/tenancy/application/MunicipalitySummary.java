package eu.rathaus.tenancy.application;

import java.io.Serializable;
import java.util.UUID;

/**
 * What a public page shows of a municipality. The bean-style getters exist for Jakarta EL 5
 * (Jakarta EE 10), which does not resolve record components as properties yet.
 */
public record MunicipalitySummary(UUID id, String slug, String name, String ags, String state)
    implements Serializable {

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public String getAgs() {
    return ags;
  }

  public String getState() {
    return state;
  }
}
