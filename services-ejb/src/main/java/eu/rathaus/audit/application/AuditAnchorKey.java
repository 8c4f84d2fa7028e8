package eu.rathaus.audit.application;

import eu.rathaus.platform.DemoValues;
import eu.rathaus.platform.Settings;
import java.nio.charset.StandardCharsets;

/**
 * The key that signs audit checkpoints (issue 16). It comes from the portal's settings (a secret
 * file or the environment) and is never written to PostgreSQL, so a database superuser cannot sign
 * a rewritten chain. Production refuses to start without it or with the published demo value
 * ({@code ProductionCheck}); an auditor's {@code ./rathaus audit-verify} needs the same key.
 */
public final class AuditAnchorKey {

  public static final String SETTING = "RATHAUS_AUDIT_ANCHOR_KEY";

  private AuditAnchorKey() {}

  public static byte[] current() {
    return Settings.text(SETTING, DemoValues.AUDIT_ANCHOR_KEY).getBytes(StandardCharsets.UTF_8);
  }
}
