package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.Drill;
import eu.rathaus.launcher.LocalKeycloak;
import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.launcher.Stack;
import eu.rathaus.launcher.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * "A component dies under {@code ./rathaus up}" (issue 16): the stack is supervised as {@code up}
 * supervises it ({@link Stack#supervise}), then WildFly's JVM and afterwards Keycloak's get {@code
 * kill -9}. Passes when the launcher brings each back by itself (its health ready, the portal's
 * first page and Keycloak's realm answering) and records one restart of each, as {@code ./rathaus
 * status} shows them. The evidence gives the seconds from the kill until each answered again.
 */
final class SupervisionDrill {

  private static final Duration PATIENCE = Duration.ofMinutes(6);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private SupervisionDrill() {}

  static Drill.Verdict run(Stack stack, LocalKeycloak keycloak, LocalWildFly wildFly)
      throws Exception {
    StackConfig config = stack.config();
    stack.supervise(keycloak, wildFly);

    double wildFlyBack =
        killAndAwait(
            config,
            "WildFly",
            WildFlyProbe.jvmBelow(config.dataDir().resolve("run/wildfly.pid")),
            () ->
                answers(LocalWildFly.healthUrl(config), 200)
                    && answers(config.portalBaseUrl() + "/", 200, 302, 303));
    double keycloakBack =
        killAndAwait(
            config,
            "Keycloak",
            WildFlyProbe.jvmBelow(config.dataDir().resolve("run/keycloak.pid")),
            () ->
                answers(LocalKeycloak.healthUrl(config), 200)
                    && answers(
                        config.oidcProviderUrl() + "/.well-known/openid-configuration", 200));
    Map<String, String> shown = Stack.restarts(config);
    boolean pass =
        wildFlyBack >= 0
            && keycloakBack >= 0
            && shown.getOrDefault("WildFly", "").startsWith("1×")
            && shown.getOrDefault("Keycloak", "").startsWith("1×");
    String evidence =
        String.format(
            Locale.ROOT,
            "kill -9 of WildFly's JVM under the launcher's supervision: back by itself (health"
                + " ready and the portal's first page) %s after the kill; then kill -9 of"
                + " Keycloak's JVM: back by itself (health ready and realm rathaus answering) %s"
                + " after the kill; ./rathaus status shows: %s",
            seconds(wildFlyBack),
            seconds(keycloakBack),
            shown.isEmpty() ? "no restarts" : shown);
    return new Drill.Verdict("supervision", pass, evidence, "");
  }

  /** Kills {@code jvm}; seconds until the supervisor's restart is recorded and {@code back}. */
  private static double killAndAwait(
      StackConfig config, String name, long jvm, BooleanSupplier back) throws Exception {
    int before = count(Stack.restarts(config).get(name));
    long killedAt = System.nanoTime();
    ProcessHandle.of(jvm).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
    long deadline = killedAt + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (count(Stack.restarts(config).get(name)) > before && back.getAsBoolean()) {
        return (System.nanoTime() - killedAt) / 1e9;
      }
      Thread.sleep(250);
    }
    return -1;
  }

  private static int count(String shown) {
    return shown == null ? 0 : Integer.parseInt(shown.substring(0, shown.indexOf('×')));
  }

  private static boolean answers(String url, int... expected) {
    try {
      int status =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      for (int e : expected) {
        if (status == e) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String seconds(double s) {
    return s < 0
        ? "NOT within " + PATIENCE.toMinutes() + " min"
        : String.format(Locale.ROOT, "%.1f s", s);
  }
}
