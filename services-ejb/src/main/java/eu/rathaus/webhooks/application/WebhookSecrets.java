package eu.rathaus.webhooks.application;

import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.webhooks.domain.SealedSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Seals and opens subscriptions' signing secrets under the municipality's data key ({@link
 * DataKeys}, the envelope of attachments and notices: a key of its own per secret, wrapped by the
 * data key). The table holds only {@link SealedSecret}'s text; the plain secret exists in memory
 * while a delivery is signed and once on the admin's screen.
 */
@ApplicationScoped
public class WebhookSecrets {

  @Inject DataKeys dataKeys;

  /** The stored text of {@code secret} for the subscription. */
  public String seal(UUID municipalityId, UUID subscriptionId, String secret) {
    DataKeys.Sealed sealed =
        dataKeys.seal(
            municipalityId,
            secret.getBytes(StandardCharsets.UTF_8),
            SealedSecret.context(subscriptionId, municipalityId));
    return new SealedSecret(
            sealed.fileKeyId(), sealed.keyVersion(), sealed.nonce(), sealed.ciphertext())
        .toText();
  }

  /**
   * The secret of a stored value; a plain secret from before V68 (not sealed yet) as it is.
   *
   * @throws eu.rathaus.attachments.domain.FileShreddedException if its key was destroyed
   */
  public String open(UUID municipalityId, UUID subscriptionId, String stored) {
    if (stored == null) {
      return null;
    }
    if (!SealedSecret.isSealed(stored)) {
      return stored;
    }
    SealedSecret s = SealedSecret.parse(stored);
    return new String(
        dataKeys.open(
            municipalityId,
            s.fileKeyId(),
            s.keyVersion(),
            s.nonce(),
            s.ciphertext(),
            SealedSecret.context(subscriptionId, municipalityId)),
        StandardCharsets.UTF_8);
  }
}
