package eu.rathaus.web.it;

import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

/**
 * The in-container integration tests' one way to run work in a transaction of its own with the
 * database's tenant scope set, as the portal sets it: committed when the work returns, rolled back
 * when it throws (also on a failed assertion), so a broken test leaves no half-written rows and no
 * open transaction on the thread for the next test. {@link Deployments#portal} adds it to every
 * test deployment; tests {@code @Inject} it.
 */
@ApplicationScoped
public class ScopedTransactions {

  /** Work that returns something. */
  public interface Work<T> {
    T run() throws Exception;
  }

  /** Work that returns nothing. */
  public interface Step {
    void run() throws Exception;
  }

  @Inject UserTransaction tx;
  @Inject DatabaseTenantScope databaseScope;

  public <T> T call(TenantScope scope, Work<T> work) throws Exception {
    tx.begin();
    try {
      databaseScope.apply(scope);
      T result = work.run();
      tx.commit();
      return result;
    } catch (Exception | Error e) {
      // A failed commit has ended the transaction already; rolling back then would hide why.
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void run(TenantScope scope, Step step) throws Exception {
    call(
        scope,
        () -> {
          step.run();
          return null;
        });
  }

  /**
   * In the platform scope, as start-up jobs and fixtures that set up several municipalities' data.
   */
  public void asPlatform(Step step) throws Exception {
    run(TenantScope.platform("it"), step);
  }
}
