package eu.rathaus.webhooks.application;

import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.webhooks.domain.SealedSecret;
import eu.rathaus.webhooks.domain.WebhookRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The second half of V68's migration: secrets stored in plain text before V68 are sealed under
 * their municipality's data key ({@link WebhookSecrets}) once the portal starts, in batches ({@code
 * FOR UPDATE SKIP LOCKED}, so nodes starting together seal each row once). SQL alone cannot do it:
 * the master key that wraps the data keys is the portal's. Until a row is sealed the sender signs
 * with its plain secret, so no delivery waits for this.
 */
@ApplicationScoped
public class WebhookSecretSealer {

  private static final Logger LOG = Logger.getLogger(WebhookSecretSealer.class.getName());
  static final int BATCH = 20;

  static final long RETRY_SECONDS = 30;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject WebhookRepository repository;
  @Inject DatabaseTenantScope databaseScope;
  @Inject WebhookSecrets secrets;
  @Inject WebhookSecretSealer self;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    scheduler.execute(this::sealOrRetry);
  }

  /** Seals all, or tries again a little later (e.g. while the schema is still being migrated). */
  private void sealOrRetry() {
    try {
      sealAll();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Sealing plain webhook secrets failed; trying again in " + RETRY_SECONDS + " s",
          e);
      scheduler.schedule(this::sealOrRetry, RETRY_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** Seals every plain secret; returns how many subscriptions were sealed. */
  public int sealAll() {
    int total = 0;
    int sealed;
    do {
      sealed = self.sealBatch();
      total += sealed;
    } while (sealed == BATCH);
    if (total > 0) {
      LOG.log(Level.INFO, "Sealed the secrets of {0} webhook subscriptions", total);
    }
    return total;
  }

  /** One batch in one transaction, in the platform scope. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int sealBatch() {
    databaseScope.apply(TenantScope.platform("webhook-secrets"));
    List<WebhookRepository.PlainSecret> plain = repository.plainSecrets(BATCH);
    for (WebhookRepository.PlainSecret p : plain) {
      repository.sealSecret(
          p.subscriptionId(),
          sealed(p, p.secret()),
          p.previous() == null ? null : sealed(p, p.previous()));
    }
    return plain.size();
  }

  private String sealed(WebhookRepository.PlainSecret p, String stored) {
    return SealedSecret.isSealed(stored)
        ? stored
        : secrets.seal(p.municipalityId(), p.subscriptionId(), stored);
  }
}
