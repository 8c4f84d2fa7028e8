package eu.rathaus.privacy.application;

/**
 * What the citizen's current sign-in says about her (from the eID, held in her session only): the
 * export shows it next to what the portal stores.
 */
public record SignedInIdentity(String displayName, String email, String levelOfAssurance) {}
