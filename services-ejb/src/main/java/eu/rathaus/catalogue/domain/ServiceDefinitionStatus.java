package eu.rathaus.catalogue.domain;

/**
 * Retired services disappear from the catalogue but keep their versions for pinned applications.
 */
public enum ServiceDefinitionStatus {
  ACTIVE,
  RETIRED
}
