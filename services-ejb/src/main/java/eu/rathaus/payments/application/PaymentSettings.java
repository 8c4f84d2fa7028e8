package eu.rathaus.payments.application;

import eu.rathaus.platform.Settings;
import java.time.Duration;

/**
 * Payment settings through {@link Settings} (MicroProfile Config), with defaults that suit the
 * local stack. Listed in the README.
 */
public final class PaymentSettings {

  private PaymentSettings() {}

  public static String text(String name, String fallback) {
    return Settings.text(name, fallback);
  }

  static long number(String name, long fallback) {
    return Settings.number(name, fallback);
  }

  /** Days between submission and the due date of a fee ({@code PAYMENT_DUE_DAYS}, default 14). */
  public static int dueDays() {
    return (int) Math.max(1, Math.min(365, number("PAYMENT_DUE_DAYS", 14)));
  }

  /**
   * How long a hosted payment may stay PENDING before the poll asks the provider ({@code
   * PAYMENT_POLL_AFTER_SECONDS}).
   */
  public static Duration pollAfter() {
    return Duration.ofSeconds(Math.max(0, number("PAYMENT_POLL_AFTER_SECONDS", 60)));
  }

  /**
   * Period of the status poll and expiry job ({@code PAYMENT_POLL_INTERVAL_SECONDS}, default 30).
   */
  public static long pollIntervalSeconds() {
    return Math.max(1, number("PAYMENT_POLL_INTERVAL_SECONDS", 30));
  }

  /**
   * Base address the provider sends notifications to ({@code PAYMENT_NOTIFY_BASE_URL}, else {@code
   * PORTAL_BASE_URL}): the portal as the provider reaches it, which behind a proxy or in tests may
   * differ from what the browser sees.
   */
  public static String notifyBaseUrl() {
    String base = text("PAYMENT_NOTIFY_BASE_URL", text("PORTAL_BASE_URL", "http://localhost:8080"));
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
