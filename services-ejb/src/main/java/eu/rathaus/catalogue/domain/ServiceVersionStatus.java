package eu.rathaus.catalogue.domain;

/**
 * A version is a draft until published, and published forever after. There is deliberately no
 * "superseded" status: a newer version only moves the definition's pointer, so the old row never
 * changes and the database trigger can refuse every update of a published row without exceptions.
 */
public enum ServiceVersionStatus {
  DRAFT,
  PUBLISHED
}
