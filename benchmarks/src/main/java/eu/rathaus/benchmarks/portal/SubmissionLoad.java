package eu.rathaus.benchmarks.portal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The load of the fault drills: signed-in citizens submitting the lost-property form in a loop, one
 * thread each, keeping every reference a receipt page acknowledged. Afterwards {@link #check} says
 * whether each acknowledged submission is in the database exactly once.
 */
final class SubmissionLoad {

  /** What the database holds of the acknowledged submissions. */
  record Check(long found, long twice, long keysTwice) {}

  private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  /** Starts one submitting thread per citizen. */
  static SubmissionLoad start(List<Citizen> citizens) {
    SubmissionLoad load = new SubmissionLoad();
    for (Citizen c : citizens) {
      Thread t = new Thread(() -> load.submitUntilStopped(c), "load-" + load.threads.size());
      load.threads.add(t);
      t.start();
    }
    return load;
  }

  private void submitUntilStopped(Citizen c) {
    while (!stop.get()) {
      try {
        acknowledged.add(c.apply(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE));
      } catch (Exception e) {
        failed.incrementAndGet();
        if (stop.get()) {
          return;
        }
        sleepQuietly(200);
      }
    }
  }

  /** Stops the load and waits for the threads (a request in flight may take its timeout). */
  void stop() throws InterruptedException {
    stop.set(true);
    for (Thread t : threads) {
      t.join(120_000);
    }
  }

  List<String> acknowledged() {
    synchronized (acknowledged) {
      return List.copyOf(acknowledged);
    }
  }

  int failed() {
    return failed.get();
  }

  /**
   * Looks up every acknowledged reference; also counts idempotency keys used twice by the same
   * citizen anywhere in the table (a retry that created a second case).
   */
  Check check(DataSource db) throws SQLException {
    List<String> refs = acknowledged();
    try (Connection c = db.getConnection()) {
      long found;
      long twice;
      Array array = c.createArrayOf("varchar", refs.toArray());
      try (PreparedStatement s =
          c.prepareStatement(
              "select count(*), count(*) - count(distinct reference_number) from case_application"
                  + " where reference_number = any(?)")) {
        s.setArray(1, array);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          found = rs.getLong(1);
          twice = rs.getLong(2);
        }
      }
      try (PreparedStatement s =
              c.prepareStatement(
                  "select count(*) from (select 1 from case_application group by applicant_subject,"
                      + " idempotency_key having count(*) > 1) d");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        return new Check(found, twice, rs.getLong(1));
      }
    }
  }

  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
