package eu.rathaus.operations.application;

import eu.rathaus.attachments.domain.MalwareScanner;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.operations.domain.OperatorFigureSource;
import eu.rathaus.operations.domain.OperatorFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The operator's view for the metrics endpoint: the installation's business figures and whether the
 * malware scanner answers. Counts all municipalities, so it reads in the platform scope, set on its
 * own read-only transaction (there is no caller: Prometheus is not a person).
 */
@ApplicationScoped
public class OperatorMonitoring {

  @Inject OperatorFigureSource source;
  @Inject DatabaseTenantScope databaseScope;
  @Inject MalwareScanner scanner;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public OperatorFigures figures() {
    databaseScope.apply(TenantScope.platform("metrics"));
    return source.count();
  }

  /** 1 when the scanner answers, 0 when it does not, -1 when none is configured. */
  public int scannerStatus() {
    if (!scanner.isConfigured()) {
      return -1;
    }
    return scanner.isAvailable() ? 1 : 0;
  }
}
