package eu.rathaus.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two portal nodes share one rate-limit budget: two {@link RateLimits} with a {@link ProxyManager}
 * of their own each (as two nodes have), on their own connections as the application role, against
 * the test stack's real PostgreSQL and V69's table. A client allowed 5 requests a minute gets 5 in
 * all, however they are spread over the nodes, also when both ask at once; the table holds a hash,
 * not the caller's address. With the database unreachable a node limits on its own.
 */
class SharedRateLimitsIT {

  private static PGSimpleDataSource appRole() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(System.getenv("POSTGRESQL_URL"));
    ds.setUser(System.getenv("POSTGRESQL_USER"));
    ds.setPassword(System.getenv("POSTGRESQL_PASSWORD"));
    return ds;
  }

  @Test
  void bucketTransactionsCommitWithoutWaitingForTheDiskAndOnlyThey() throws Exception {
    try (Connection c = AsynchronousCommits.of(appRole()).getConnection()) {
      assertThat(setting(c)).isEqualTo("on");
      c.setAutoCommit(false);
      assertThat(setting(c)).as("inside a bucket's transaction").isEqualTo("off");
      c.commit();
      assertThat(setting(c)).as("the next transaction on the pooled connection").isEqualTo("on");
      c.rollback();
      c.setAutoCommit(true);
      assertThat(setting(c)).isEqualTo("on");
    }
  }

  private static String setting(Connection c) throws Exception {
    try (PreparedStatement p = c.prepareStatement("show synchronous_commit");
        ResultSet r = p.executeQuery()) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  void twoNodesTakeFromOneBudget() throws Exception {
    RateLimits nodeA = RateLimits.shared(appRole());
    RateLimits nodeB = RateLimits.shared(appRole());
    String key = "ip:192.0.2." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();

    assertThat(nodeA.take(key, 5).allowed()).isTrue();
    assertThat(nodeA.take(key, 5).allowed()).isTrue();
    assertThat(nodeA.take(key, 5).remaining()).isEqualTo(2);
    RateLimits.Decision onB = nodeB.take(key, 5);
    assertThat(onB.allowed()).as("node B sees what node A took").isTrue();
    assertThat(onB.remaining()).isEqualTo(1);
    assertThat(nodeB.take(key, 5).allowed()).isTrue();

    RateLimits.Decision refusedB = nodeB.take(key, 5);
    RateLimits.Decision refusedA = nodeA.take(key, 5);
    assertThat(refusedB.allowed()).as("the budget is spent on B").isFalse();
    assertThat(refusedA.allowed()).as("and on A: not 5 per node").isFalse();
    assertThat(refusedA.retryAfterSeconds()).isBetween(1L, 12L);
    assertThat(nodeA.size()).as("nothing kept in the node's memory").isZero();

    // In the table: one row for the caller, keyed by a hash; no address.
    try (Connection c = appRole().getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "select count(*), count(*) filter (where id like '%192.0.2%' or id like 'ip:%')"
                    + " from rate_limit_bucket where id = ?")) {
      p.setString(1, RateLimits.rowKey(key + "|5"));
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
        assertThat(rs.getLong(2)).isZero();
      }
    }
    assertThat(RateLimits.rowKey(key + "|5")).hasSize(64).doesNotContain("192.0.2");
  }

  @Test
  void nodesAskingAtTheSameTimeStillGrantTheBudgetOnce() throws Exception {
    List<RateLimits> nodes = List.of(RateLimits.shared(appRole()), RateLimits.shared(appRole()));
    String key = "api-client:" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RateLimits node = nodes.get(i % 2);
        answers.add(pool.submit(() -> node.take(key, 20).allowed()));
      }
      long allowed = 0;
      for (Future<Boolean> a : answers) {
        allowed += a.get() ? 1 : 0;
      }
      // 20 a minute: 20 at once, one more every 3 s while the 40 requests ran; never 40.
      assertThat(allowed).isBetween(20L, 22L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aChangedLimitAppliesAtTheNextRequestOnEveryNode() {
    RateLimits nodeA = RateLimits.shared(appRole());
    RateLimits nodeB = RateLimits.shared(appRole());
    String key = "client:" + UUID.randomUUID();
    assertThat(nodeA.take(key, 2).allowed()).isTrue();
    assertThat(nodeB.take(key, 2).allowed()).isTrue();
    assertThat(nodeB.take(key, 2).allowed()).isFalse();
    RateLimits.Decision raised = nodeA.take(key, 100);
    assertThat(raised.limit()).isEqualTo(100);
    assertThat(raised.allowed()).as("the raised limit holds on the other node too").isTrue();
    assertThat(nodeB.take(key, 100).allowed()).isTrue();
  }

  @Test
  void withTheDatabaseUnreachableANodeLimitsOnItsOwn() {
    PGSimpleDataSource down = new PGSimpleDataSource();
    down.setUrl("jdbc:postgresql://127.0.0.1:1/rathaus");
    down.setUser("nobody");
    down.setConnectTimeout(2);
    RateLimits node = RateLimits.shared(down);
    String key = "ip:198.51.100.7";
    for (int i = 0; i < 3; i++) {
      assertThat(node.take(key, 3).allowed()).as("request " + i).isTrue();
    }
    assertThat(node.take(key, 3).allowed()).as("still limited, by this node").isFalse();
    assertThat(node.size()).isEqualTo(1);
  }
}
