package eu.rathaus.catalogue.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CatalogueRevisionTest {

  /** A database whose revision the test sets; a read can be held open. */
  static final class Database extends CatalogueRevision {
    final AtomicLong revision = new AtomicLong(1);
    final AtomicLong reads = new AtomicLong();
    volatile CountDownLatch readStarted = new CountDownLatch(0);
    volatile CountDownLatch releaseRead = new CountDownLatch(0);
    volatile RuntimeException failure;

    @Override
    Current read() {
      long value = revision.get();
      reads.incrementAndGet();
      readStarted.countDown();
      try {
        releaseRead.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        throw failure;
      }
      return new Current(value, Instant.EPOCH);
    }
  }

  @Test
  void aLoneCallerReadsEveryTime() {
    Database db = new Database();
    assertThat(db.current().revision()).isEqualTo(1);
    db.revision.set(2);
    assertThat(db.current().revision()).isEqualTo(2);
    assertThat(db.reads).hasValue(2);
  }

  @Test
  void aCallerArrivingDuringAReadTakesTheNextReadNotTheRunningOne() throws Exception {
    Database db = new Database();
    db.readStarted = new CountDownLatch(1);
    db.releaseRead = new CountDownLatch(1);
    CompletableFuture<CatalogueRevision.Current> early = CompletableFuture.supplyAsync(db::current);
    assertThat(db.readStarted.await(10, TimeUnit.SECONDS)).isTrue();
    // Committed after the running read looked: a caller from now on must see it.
    db.revision.set(2);
    CompletableFuture<CatalogueRevision.Current> late1 = CompletableFuture.supplyAsync(db::current);
    CompletableFuture<CatalogueRevision.Current> late2 = CompletableFuture.supplyAsync(db::current);
    Thread.sleep(200);
    db.releaseRead.countDown();

    assertThat(early.get(10, TimeUnit.SECONDS).revision()).isEqualTo(1);
    assertThat(late1.get(10, TimeUnit.SECONDS).revision()).isEqualTo(2);
    assertThat(late2.get(10, TimeUnit.SECONDS).revision()).isEqualTo(2);
    // The two late callers shared one read (or read once each if the first was quick): never more.
    assertThat(db.reads.get()).isBetween(2L, 3L);
  }

  @Test
  void aFailedReadFailsItsCallersAndTheNextCallReadsAgain() {
    Database db = new Database();
    db.failure = new IllegalStateException("database down");
    assertThatThrownBy(db::current).hasMessage("database down");
    db.failure = null;
    assertThat(db.current().revision()).isEqualTo(1);
  }
}
