package eu.rathaus.web.admin;

import eu.rathaus.platform.ResidencyOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backing bean of {@code admin/residency.xhtml}: the platform admin sees the residency policy and
 * every outbound endpoint in use, each with the policy's verdict (the same check a production start
 * refuses on).
 */
@Named
@RequestScoped
public class ResidencyView {

  @Inject ResidencyOverview overview;

  private ResidencyOverview.Report report;

  /** The report, read once per request. */
  public ResidencyOverview.Report getReport() {
    if (report == null) {
      report = overview.report();
    }
    return report;
  }
}
