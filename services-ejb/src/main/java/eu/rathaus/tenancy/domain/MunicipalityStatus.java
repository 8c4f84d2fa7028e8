package eu.rathaus.tenancy.domain;

/** Where a municipality stands on the platform. Only ACTIVE ones are shown to citizens. */
public enum MunicipalityStatus {
  ONBOARDING,
  ACTIVE,
  SUSPENDED
}
