package eu.rathaus.platform;

import eu.rathaus.identity.admin.AdminSettings;
import java.util.Map;

/**
 * Every secret whose demo value is published in the repository, in one place: the launcher's local
 * defaults ({@code StackConfig}), the realm JSON placeholders and the server's CLI defaults use
 * these values, and the production check refuses each of them.
 */
public final class DemoValues {

  private DemoValues() {}

  public static final String DATABASE_PASSWORD = "rathaus";
  public static final String MIGRATION_PASSWORD = "rathaus_owner";
  public static final String OIDC_CLIENT_SECRET = "rathaus-local-secret";
  public static final String ADMIN_CLIENT_SECRET = AdminSettings.DEMO_CLIENT_SECRET;
  public static final String PAYMENT_SECRET = "rathaus-local-payment-sandbox-secret-2026";
  public static final String KEYSTORE_PASSWORD = "rathaus-local-keystore";
  public static final String AUDIT_ANCHOR_KEY = "rathaus-local-audit-anchor-key-2026";

  /**
   * The client secret of the launcher's register service double. A secret only when {@code
   * RATHAUS_REGISTER_URL} is set, so it is checked on its own and not part of {@link #SECRETS}.
   */
  public static final String REGISTER_CLIENT_SECRET = "register-double-demo-secret";

  /** Setting key → its published demo value. */
  public static final Map<String, String> SECRETS =
      Map.of(
          "POSTGRESQL_PASSWORD", DATABASE_PASSWORD,
          "POSTGRESQL_MIGRATION_PASSWORD", MIGRATION_PASSWORD,
          "OIDC_CLIENT_SECRET", OIDC_CLIENT_SECRET,
          "KEYCLOAK_ADMIN_CLIENT_SECRET", ADMIN_CLIENT_SECRET,
          "PAYMENT_PROVIDER_SECRET", PAYMENT_SECRET,
          "RATHAUS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD,
          "RATHAUS_AUDIT_ANCHOR_KEY", AUDIT_ANCHOR_KEY);
}
