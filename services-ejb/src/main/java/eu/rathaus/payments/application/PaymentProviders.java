package eu.rathaus.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Finds a {@link PaymentProvider} by name. Providers are plain CDI beans, so another one (a real
 * epay21 adapter) is added by dropping in a class, without touching the use cases.
 */
@ApplicationScoped
public class PaymentProviders {

  /**
   * The provider used for "Online bezahlen" unless configured otherwise ({@code PAYMENT_PROVIDER}).
   */
  public static final String DEFAULT = "hosted";

  @Inject @Any Instance<PaymentProvider> providers;

  public Optional<PaymentProvider> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (PaymentProvider provider : providers) {
      if (provider.name().equals(name)) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }

  /** The provider citizens pay with online. */
  public PaymentProvider online() {
    String name = PaymentSettings.text("PAYMENT_PROVIDER", DEFAULT);
    return byName(name)
        .orElseThrow(() -> new IllegalStateException("No payment provider named " + name));
  }
}
