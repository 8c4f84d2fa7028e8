package eu.rathaus.handoff.domain;

import java.util.UUID;

/**
 * Where a service's applications go: a specialist procedure reached by the Subscriber API (it pulls
 * with the Keycloak client {@code clientId}) at {@code endpoint}, with its public keys. An inactive
 * destination means the service was switched back to the back office in Rathaus.
 */
public record Destination(
    UUID id,
    UUID municipalityId,
    UUID definitionId,
    String endpoint,
    String encryptionJwk,
    String signatureJwk,
    String clientId,
    boolean active) {

  /** The Keycloak client id of a destination: one confidential client per destination. */
  public static String clientIdOf(UUID destinationId) {
    return "rathaus-destination-" + destinationId;
  }

  public DestinationKeys keys() {
    return DestinationKeys.parseStored(encryptionJwk, signatureJwk);
  }
}
