package eu.rathaus.web.it;

import eu.rathaus.launcher.LocalKeycloak;
import eu.rathaus.launcher.LocalWildFly;
import eu.rathaus.launcher.MailCatcher;
import eu.rathaus.launcher.Stack;
import eu.rathaus.launcher.StackConfig;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the local stack for the integration tests once per test JVM, with the same launcher code
 * as {@code ./rathaus up} but on the test ports and in {@code target/it-stack}: PostgreSQL,
 * Keycloak and the mail catcher for every IT; the launcher's WildFly (port 18080) only when a
 * browser test asks for it. Arquillian runs its own managed WildFly against the same database on
 * port offset 300.
 *
 * <p>Active only where failsafe sets {@code rathaus.it.stack=true}, so unit tests start nothing.
 */
public class ItStack implements LauncherSessionListener {

  private static Stack stack;
  private static OtlpReceiver traces;
  private static LocalWildFly portal;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (Boolean.getBoolean("rathaus.it.stack")) {
      stack();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stopAll();
  }

  public static StackConfig config() {
    Path project =
        Path.of(System.getProperty("rathaus.project.dir", "..")).toAbsolutePath().normalize();
    Path data = project.resolve("portal-web/target/it-stack");
    return StackConfig.forTests(project, data);
  }

  /** PostgreSQL, Keycloak and mail, started on first use. */
  public static synchronized Stack stack() {
    if (stack == null) {
      // A test JVM that is killed (Ctrl-C, timeout) must not leave Keycloak or PostgreSQL running.
      Runtime.getRuntime().addShutdownHook(new Thread(ItStack::stopAll, "rathaus-it-stack-stop"));
      // Before Keycloak and the portal, which export their traces there (StackConfig.forTests).
      traces();
      stack = Stack.start(config(), false, System.out);
    }
    return stack;
  }

  /** The OTLP receiver the test stack's portal and Keycloak export their spans to. */
  public static synchronized OtlpReceiver traces() {
    if (traces == null) {
      traces = OtlpReceiver.start(StackConfig.TEST_OTLP_PORT);
    }
    return traces;
  }

  /** The launcher's WildFly with the built WAR, exactly as {@code ./rathaus up} runs it. */
  public static synchronized LocalWildFly portal() {
    stack();
    if (portal == null) {
      portal = LocalWildFly.start(config());
    }
    return portal;
  }

  private static LocalKeycloak restartedKeycloak;
  private static boolean keycloakStopped;

  /**
   * Stops Keycloak, to test what the portal does while its identity provider is away. Call it in a
   * try block whose finally calls {@link #startKeycloak()}; a second stop does nothing.
   */
  public static synchronized void stopKeycloak() {
    if (keycloakStopped) {
      return;
    }
    if (restartedKeycloak != null) {
      restartedKeycloak.stop();
      restartedKeycloak = null;
    } else {
      stack().keycloak().stop();
    }
    keycloakStopped = true;
  }

  /**
   * Starts Keycloak again on the same database after {@link #stopKeycloak()} and returns once it is
   * ready; does nothing while it runs (never a second one on the same ports).
   */
  public static synchronized void startKeycloak() {
    if (keycloakStopped) {
      restartedKeycloak = LocalKeycloak.start(config());
      keycloakStopped = false;
    }
  }

  private static MailCatcher restartedMail;
  private static boolean mailStopped;

  /** The mail catcher in use: the stack's, or the one started again after {@link #stopMail()}. */
  public static synchronized MailCatcher mail() {
    return restartedMail != null ? restartedMail : stack().mail();
  }

  /**
   * Stops the mail server (SMTP refuses connections), to test what the portal does while its mail
   * relay is away. Mail caught so far is gone with it.
   */
  public static synchronized void stopMail() {
    if (mailStopped) {
      return;
    }
    mail().stop();
    restartedMail = null;
    mailStopped = true;
  }

  /** Starts the mail server again on the same ports after {@link #stopMail()}. */
  public static synchronized void startMail() {
    if (mailStopped) {
      restartedMail = MailCatcher.start(config());
      mailStopped = false;
    }
  }

  static synchronized void stopAll() {
    if (restartedMail != null) {
      restartedMail.stop();
      restartedMail = null;
    }
    if (restartedKeycloak != null) {
      restartedKeycloak.stop();
      restartedKeycloak = null;
    }
    if (portal != null) {
      portal.stop();
      portal = null;
    }
    if (stack != null) {
      stack.stop();
      stack = null;
    }
    if (traces != null) {
      traces.close();
      traces = null;
    }
  }
}
