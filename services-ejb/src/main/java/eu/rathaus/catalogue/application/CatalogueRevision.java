package eu.rathaus.catalogue.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The revision of everything the public catalogue pages show (issue 16): a number that the database
 * bumps in the same transaction as any publish, retirement or change of a municipality's public
 * data (triggers of V37). The portal's ETags and response cache are keyed by it, so a change made
 * on one node is seen by every node at its next request.
 *
 * <p>Every request of a public page asks for the revision, so at 64 crawlers the question came
 * ~1,300 times a second, each a pooled connection (validated on checkout), a JTA transaction and a
 * query (P3 of issue 16). Concurrent callers now share one read, without giving up freshness: a
 * caller takes the answer of the first read that <em>started after it asked</em>, so it still sees
 * every change committed before its request. One read runs at a time; whoever arrives while it runs
 * waits for the next, which one of them starts. Under load the database answers one query per round
 * trip instead of one per page; alone, a caller reads as before.
 */
@ApplicationScoped
public class CatalogueRevision {

  private static final String QUERY =
      "select revision, cast(extract(epoch from changed_at) * 1000 as bigint)"
          + " from catalogue_revision where id = 1";

  /** The revision and when it last changed. */
  public record Current(long revision, Instant changedAt) {}

  @Resource(lookup = "java:jboss/datasources/RathausDS")
  DataSource dataSource;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition finished = lock.newCondition();

  /** Reads started and reads finished, numbered 1, 2, …; at most one runs. */
  private long startedReads;

  private long finishedReads;
  private boolean reading;
  private Current latest;
  private RuntimeException latestFailure;

  /**
   * The revision as of a moment after this call began: the result of a read that started after the
   * call (its own or a concurrent caller's). Throws what that read threw.
   */
  public Current current() {
    long wanted;
    lock.lock();
    try {
      // The read running now (if any) may have missed a commit made just before this call.
      wanted = startedReads + 1;
      while (finishedReads < wanted) {
        if (!reading) {
          reading = true;
          startedReads++;
          break;
        }
        finished.awaitUninterruptibly();
      }
      if (finishedReads >= wanted) {
        return answer();
      }
    } finally {
      lock.unlock();
    }
    Current read = null;
    RuntimeException failure = null;
    try {
      read = read();
    } catch (RuntimeException e) {
      failure = e;
    }
    lock.lock();
    try {
      finishedReads = startedReads;
      reading = false;
      latest = read;
      latestFailure = failure;
      finished.signalAll();
      return answer();
    } finally {
      lock.unlock();
    }
  }

  private Current answer() {
    if (latestFailure != null) {
      throw latestFailure;
    }
    return latest;
  }

  /** One primary-key read; the table has no row-level security (it holds no tenant data). */
  Current read() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(QUERY);
        ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("catalogue_revision has no row (V37)");
      }
      return new Current(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)));
    } catch (SQLException e) {
      throw new IllegalStateException("Catalogue revision not readable: " + e.getMessage(), e);
    }
  }
}
