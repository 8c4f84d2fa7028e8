package eu.rathaus.privacy.application;

import eu.rathaus.cases.application.CaseRouting;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Art. 16/17/21 requests are read and answered by the municipality's data protection role, not by
 * every clerk: the request's case opens reserved for {@link TenantScope#DATA_PROTECTION}.
 */
@ApplicationScoped
public class DataProtectionRouting implements CaseRouting {

  @Override
  public Optional<String> staffRole(String serviceKey) {
    return PrivacyRequests.SERVICE_KEY.equals(serviceKey)
        ? Optional.of(TenantScope.DATA_PROTECTION)
        : Optional.empty();
  }
}
