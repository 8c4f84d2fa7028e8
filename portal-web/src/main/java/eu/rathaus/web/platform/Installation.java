package eu.rathaus.web.platform;

import eu.rathaus.platform.ProductionCheck;
import eu.rathaus.platform.RuntimeMode;
import eu.rathaus.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * What kind of installation this is, for the notices in the page layout (demo banner, scanning
 * switched off).
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
}
