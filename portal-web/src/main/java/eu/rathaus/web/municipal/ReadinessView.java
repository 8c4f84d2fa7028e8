package eu.rathaus.web.municipal;

import eu.rathaus.tenancy.application.MunicipalityReadiness;
import eu.rathaus.tenancy.domain.ReadinessItem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The readiness list on a municipal admin's start page: what the municipality still lacks. */
@Named
@RequestScoped
public class ReadinessView {

  @Inject MunicipalityReadiness readiness;

  private List<ReadinessItem> missing;

  /** Read once per request, only when the start page renders the list (staff scope). */
  public List<ReadinessItem> getMissing() {
    if (missing == null) {
      missing = List.copyOf(readiness.ofOwnMunicipality());
    }
    return missing;
  }
}
