package eu.rathaus.handoff.domain;

/**
 * The identity provider's side of a destination: one confidential OAuth2 client (client credentials
 * only) per destination, whose tokens name the municipality and the destination.
 */
public interface DestinationClients {

  /**
   * Creates the client if it does not exist (or updates it), and issues a new secret.
   *
   * @return the new client secret, shown to the admin once
   * @throws IllegalStateException if the identity provider cannot be reached or refuses
   */
  String ensureClientWithNewSecret(String clientId, String municipalitySlug, String destinationId);
}
