package eu.rathaus.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The layout's notices follow the settings (system properties stand in for the environment here).
 */
class InstallationTest {

  private final Installation installation = new Installation();

  @AfterEach
  void clear() {
    System.clearProperty("RATHAUS_MODE");
    System.clearProperty("RATHAUS_MALWARE_SCAN");
    System.clearProperty("CLAMD_HOST");
  }

  @Test
  void demoBannerOnlyInDemoMode() {
    System.setProperty("RATHAUS_MODE", "demo");
    assertThat(installation.isDemo()).isTrue();
    System.setProperty("RATHAUS_MODE", "production");
    assertThat(installation.isDemo()).isFalse();
  }

  @Test
  void scanningOffNoticeOnlyForTheExplicitOptOutWithoutScanner() {
    assertThat(installation.isMalwareScanOff()).isFalse();
    System.setProperty("RATHAUS_MALWARE_SCAN", "off");
    assertThat(installation.isMalwareScanOff()).isTrue();
    System.setProperty("CLAMD_HOST", "clamd.internal");
    assertThat(installation.isMalwareScanOff()).as("a configured scanner wins").isFalse();
  }
}
