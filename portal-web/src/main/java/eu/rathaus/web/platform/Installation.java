package eu.rathaus.web.platform;

import eu.rathaus.platform.ProductionCheck;
import eu.rathaus.platform.ResidencyPolicy;
import eu.rathaus.platform.RuntimeMode;
import eu.rathaus.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * What kind of installation this is, for the notices in the page layout (demo banner, scanning
 * switched off) and the privacy notice (where data is processed).
 */
@Named("installation")
@ApplicationScoped
public class Installation {

  /** True for {@code ./rathaus up} and the test stack: every page says so. */
  public boolean isDemo() {
    return RuntimeMode.current().isDemo();
  }

  /** True if malware scanning is explicitly switched off; shown to administrators. */
  public boolean isMalwareScanOff() {
    return ProductionCheck.malwareScanOptedOut(Settings::value)
        && Settings.value("CLAMD_HOST").isEmpty();
  }

  /**
   * Where the installation processes data, as its operator states it ({@code
   * RATHAUS_RESIDENCY_REGION}), or empty; the privacy notice and the records of processing show it.
   */
  public String getResidencyRegion() {
    return Settings.value(ResidencyPolicy.REGION_KEY).orElse("");
  }
}
