package eu.rathaus.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack in dependency order: mail catcher, payment sandbox, master keystore, clamd
 * (if installed), PostgreSQL, Keycloak, WildFly.
 *
 * <p>All-or-nothing on purpose: ports are checked before anything starts, and if a step fails,
 * whatever already runs is stopped again, so a failed {@code ./rathaus up} never leaves a
 * half-started stack holding ports and locks.
 */
public final class Stack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Stack.class);

  /** Demo accounts imported with the realm; all share the password {@link #DEMO_PASSWORD}. */
  public static final List<String[]> DEMO_LOGINS =
      List.of(
          new String[] {"erika.mustermann", "Bürgerin / citizen (eID: substanziell)", "„Anmelden“"},
          new String[] {
            "max.mustermann", "Bürger / citizen (eID: hoch mit TOTP, s. README)", "„Anmelden“"
          },
          new String[] {"luca.basis", "Bürger / citizen (eID: niedrig)", "„Anmelden“"},
          new String[] {
            "mia.sachbearbeiterin@musterstadt.de",
            "Sachbearbeiterin Musterstadt / clerk",
            "„Anmelden für Mitarbeitende“"
          },
          new String[] {
            "moritz.admin@musterstadt.de",
            "Kommunal-Admin + Datenschutz Musterstadt",
            "„Anmelden für Mitarbeitende“"
          },
          new String[] {
            "ben.sachbearbeiter",
            "Sachbearbeiter Beispielheim / clerk",
            "„Anmelden für Mitarbeitende“"
          },
          new String[] {
            "berta.admin",
            "Kommunal-Admin + Datenschutz Beispielheim",
            "„Anmelden für Mitarbeitende“"
          },
          new String[] {
            "paula.plattform", "Plattform-Admin / platform admin", "„Anmelden für Mitarbeitende“"
          });

  public static final String DEMO_PASSWORD = "demo";

  private final StackConfig config;
  private final PrintStream out;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private MailCatcher mail;
  private LocalPaymentSandbox paymentSandbox;
  private LocalRegisterService registerService;
  private LocalPostgres postgres;
  private LocalKeycloak keycloak;
  private LocalWildFly wildFly;
  private LocalClamd clamd;
  private ReferenceReceiver demoProcedure;
  private Supervisor supervisor;
  private boolean stopped;

  private Stack(StackConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Starts everything, including WildFly with the portal. */
  public static Stack start(StackConfig config) {
    return start(config, true, System.out);
  }

  /**
   * Starts the stack; {@code withWildFly=false} stops after Keycloak, for tests that run their own
   * server (e.g. Arquillian) against the same database and identity provider.
   *
   * @throws StackException with one clear sentence if a port is busy or a component fails; nothing
   *     is left running
   */
  public static Stack start(StackConfig config, boolean withWildFly, PrintStream out) {
    Stack stack = new Stack(config, out);
    stack.startComponents(withWildFly);
    return stack;
  }

  /**
   * An unstarted stack, for callers that must be able to {@link #stop()} it from another thread (a
   * shutdown hook) while {@link #startComponents(boolean)} is still running.
   */
  static Stack prepare(StackConfig config, PrintStream out) {
    return new Stack(config, out);
  }

  void startComponents(boolean withWildFly) {
    reclaimOrphans(config);
    Optional<Component> busy = Ports.firstBusy(config, components(config, withWildFly));
    if (busy.isPresent()) {
      throw new StackException(Ports.busyMessage(config, busy.get()));
    }
    try {
      startAll(withWildFly);
    } catch (RuntimeException e) {
      LOG.debug("Start failed, stopping what already runs", e);
      stop();
      throw e instanceof StackException
          ? e
          : new StackException("Start fehlgeschlagen / start failed: " + e, e);
    }
  }

  /**
   * A launcher killed with {@code kill -9} leaves Keycloak and WildFly running and holding their
   * ports; they are found through their pid files and ended before the port check, so the next
   * {@code up} just works.
   */
  static void reclaimOrphans(StackConfig config) {
    ManagedProcess.reclaimOrphan(
        "WildFly", LocalWildFly.pidFile(config), LocalWildFly.home(config).toString());
    ManagedProcess.reclaimOrphan(
        "Keycloak", LocalKeycloak.pidFile(config), LocalKeycloak.home(config).toString());
    ManagedProcess.reclaimOrphan(
        "clamd", LocalClamd.pidFile(config), LocalClamd.configFile(config).toString());
    if (!config.externalDatabase()) {
      try {
        LocalPostgres.reclaimStalePostmaster(LocalPostgres.dataDirectory(config));
      } catch (java.io.IOException e) {
        LOG.warn("Could not check postmaster.pid: {}", e.toString());
      }
    }
  }

  /** The ports this combination of components will bind. */
  static List<Component> components(StackConfig config, boolean withWildFly) {
    Set<Component> set = EnumSet.allOf(Component.class);
    if (!withWildFly) {
      set.remove(Component.PORTAL);
      set.remove(Component.WILDFLY_MANAGEMENT);
    }
    if (config.externalDatabase()) {
      set.remove(Component.POSTGRES);
    }
    if (!LocalClamd.available()) {
      set.remove(Component.CLAMD);
    }
    return new ArrayList<>(set);
  }

  private void startAll(boolean withWildFly) {
    long t = System.nanoTime();
    mail = register(MailCatcher.start(config));
    progress(
        "Mail-Postfach bereit / mail catcher ready: SMTP 127.0.0.1:"
            + config.smtpPort()
            + ", web "
            + config.mailWebPort(),
        t);

    paymentSandbox = register(LocalPaymentSandbox.start(config));
    out.println(
        "[rathaus] Zahlungs-Sandbox bereit / payment sandbox ready: " + config.paymentSandboxUrl());

    // The double of an external register service; the portal uses the built-in register unless
    // RATHAUS_REGISTER_URL names this one (README, "Externer Melderegister-Dienst").
    registerService = register(LocalRegisterService.start(config));
    out.println(
        "[rathaus] Melderegister-Dienst (Attrappe) bereit / register service double ready: "
            + registerService.baseUrl());

    if (LocalKeystore.ensure(config)) {
      out.println(
          "[rathaus] Hauptschlüssel angelegt / master key created: " + config.keystorePath());
    }

    if (LocalClamd.available()) {
      t = System.nanoTime();
      clamd = register(LocalClamd.start(config));
      progress(
          "Virenscanner bereit / malware scanner ready: clamd 127.0.0.1:" + config.clamdPort(), t);
    } else {
      out.println(
          "[rathaus] WARNUNG / WARNING: clamd ist nicht installiert / is not installed – Anhänge werden"
              + " ungeprüft gespeichert und als \"nicht geprüft\" markiert / uploads are stored marked NOT_SCANNED"
              + " (apt-get install clamav-daemon)");
    }

    if (!config.externalDatabase()) {
      t = System.nanoTime();
      postgres = register(LocalPostgres.start(config));
      progress("PostgreSQL ready on 127.0.0.1:" + config.postgresPort(), t);
    }

    t = System.nanoTime();
    out.println(
        "[rathaus] Keycloak startet / starting … (log: " + LocalKeycloak.logFile(config) + ")");
    keycloak = register(LocalKeycloak.start(config));
    progress("Keycloak ready on " + config.keycloakUrl(), t);

    if (withWildFly) {
      t = System.nanoTime();
      out.println(
          "[rathaus] WildFly startet / starting … (log: " + LocalWildFly.logFile(config) + ")");
      wildFly = register(LocalWildFly.start(config));
      progress("WildFly ready, portal on " + config.portalBaseUrl(), t);
      startDemoProcedure();
    }
  }

  /**
   * The reference specialist procedure for Musterstadt's dog-tax registration (demo catalogue
   * only). A failure here is a warning: the portal runs without it.
   */
  private void startDemoProcedure() {
    try {
      demoProcedure =
          DemoProcedure.start(config, java.net.URI.create(config.portalBaseUrl()))
              .map(this::register)
              .orElse(null);
      if (demoProcedure != null) {
        out.println(
            "[rathaus] Referenz-Fachverfahren bereit / reference specialist procedure ready: "
                + DemoProcedure.SERVICE_KEY
                + " (Musterstadt)");
      }
    } catch (Exception e) {
      LOG.warn("Reference specialist procedure not started: {}", e.toString());
      out.println(
          "[rathaus] WARNUNG / WARNING: Referenz-Fachverfahren nicht gestartet / reference"
              + " specialist procedure not started: "
              + e.getMessage());
    }
  }

  /**
   * Records a started component; if a stop was requested meanwhile (Ctrl-C during start-up), the
   * component is stopped at once instead of being leaked.
   */
  private synchronized <T extends AutoCloseable> T register(T component) {
    if (stopped) {
      try {
        component.close();
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
      }
      throw new StackException("Abgebrochen / cancelled");
    }
    running.push(component);
    return component;
  }

  private void progress(String message, long startedNanos) {
    out.println("[rathaus] " + message + " (" + LocalKeycloak.seconds(startedNanos) + " s)");
  }

  /** Prints URLs and demo logins, the "what now" a developer needs after {@code up}. */
  public void printSummary() {
    out.println();
    out.println("Rathaus läuft / is running:");
    if (wildFly != null) {
      out.println("  Portal:          " + config.portalBaseUrl() + "/");
      out.println("  Health:          " + LocalWildFly.healthUrl(config));
    }
    out.println(
        "  Keycloak-Admin:  "
            + config.keycloakUrl()
            + "/admin/master/console/#/"
            + StackConfig.REALM
            + "   ("
            + config.keycloakAdminUser()
            + " / "
            + config.keycloakAdminPassword()
            + ")");
    out.println("  Mail-Postfach:   " + config.mailInboxUrl() + "/");
    out.println(
        "  Zahlungs-Sandbox: "
            + config.paymentSandboxUrl()
            + "/   (Testkarten / test cards on its page)");
    out.println(
        "  Virenscanner:    "
            + (clamd != null
                ? "clamd 127.0.0.1:" + clamd.port()
                : "– nicht installiert, Anhänge ungeprüft / not installed, uploads NOT_SCANNED"));
    if (demoProcedure != null) {
      out.println(
          "  Fachverfahren:   Referenz-Empfänger für / reference receiver for "
              + DemoProcedure.SERVICE_KEY
              + " (Musterstadt), Schlüssel / keys in "
              + config.dataDir().resolve("reference-receiver"));
    }
    out.println("  Schlüssel/keys:  " + config.keystorePath());
    out.println("  PostgreSQL:      " + config.jdbcUrl() + "   (" + config.appUser() + ")");
    out.println("  Daten / data:    " + config.dataDir());
    out.println();
    out.println("Demo-Zugänge / demo logins (Passwort / password: " + DEMO_PASSWORD + "):");
    out.printf("  %-37s %-48s %s%n", "Benutzer / user", "Rolle / role", "Anmeldung / sign in with");
    for (String[] login : DEMO_LOGINS) {
      out.printf("  %-37s %-48s %s%n", login[0], login[1], login[2]);
    }
    out.println();
    out.println("Beenden / stop: Strg+C oder / or ./rathaus down");
  }

  public StackConfig config() {
    return config;
  }

  public MailCatcher mail() {
    return mail;
  }

  /** The hosted payment page sandbox. */
  public LocalPaymentSandbox paymentSandbox() {
    return paymentSandbox;
  }

  /** The test double of an external resident register service. */
  public LocalRegisterService registerService() {
    return registerService;
  }

  /** The embedded database, or null when {@code POSTGRESQL_URL} points at an external one. */
  public LocalPostgres postgres() {
    return postgres;
  }

  public LocalKeycloak keycloak() {
    return keycloak;
  }

  public LocalWildFly wildFly() {
    return wildFly;
  }

  /** The local clamd, or null when ClamAV is not installed. */
  public LocalClamd clamd() {
    return clamd;
  }

  /** Where {@code ./rathaus up} records restarts for {@code ./rathaus status}. */
  static Path restartsFile(StackConfig config) {
    return config.dataDir().resolve("restarts.properties");
  }

  /**
   * Keycloak and WildFly are watched from now on (issue 16): a death is reported at once and the
   * component started again with back-off ({@link Supervisor}); {@link #stop()} ends the watch
   * first, so stopping is never taken for dying.
   */
  synchronized void supervise() {
    if (stopped || supervisor != null) {
      return;
    }
    supervisor =
        new Supervisor(
            out, restartsFile(config), Supervisor.Backoff.DEFAULT, Duration.ofSeconds(1));
    if (keycloak != null) {
      supervisor.supervise(
          "Keycloak",
          child(keycloak),
          () -> {
            LocalKeycloak started = LocalKeycloak.start(config);
            replace(keycloak, started);
            keycloak = started;
            return child(started);
          });
    }
    if (wildFly != null) {
      supervisor.supervise(
          "WildFly",
          child(wildFly),
          () -> {
            LocalWildFly started = LocalWildFly.start(config);
            replace(wildFly, started);
            wildFly = started;
            return child(started);
          });
    }
  }

  /**
   * {@link #supervise()} with the given Keycloak and WildFly in place of those the stack started
   * (the drills restart components themselves before they test the supervision).
   */
  public synchronized void supervise(LocalKeycloak currentKeycloak, LocalWildFly currentWildFly) {
    if (currentKeycloak != keycloak) {
      replace(keycloak, currentKeycloak);
      keycloak = currentKeycloak;
    }
    if (currentWildFly != wildFly) {
      replace(wildFly, currentWildFly);
      wildFly = currentWildFly;
    }
    supervise();
  }

  /**
   * The restarts {@code ./rathaus status} shows, per component: "2× (zuletzt / last 13:05:42)";
   * empty when none.
   */
  public static Map<String, String> restarts(StackConfig config) {
    Map<String, String> shown = new LinkedHashMap<>();
    Supervisor.readRestarts(restartsFile(config))
        .forEach((name, recorded) -> shown.put(name, Main.describeRestarts(recorded)));
    return shown;
  }

  private static Supervisor.Child child(LocalKeycloak keycloak) {
    return new Supervisor.Child() {
      @Override
      public boolean isAlive() {
        return keycloak.isAlive();
      }

      @Override
      public void stop() {
        keycloak.stop();
      }
    };
  }

  private static Supervisor.Child child(LocalWildFly wildFly) {
    return new Supervisor.Child() {
      @Override
      public boolean isAlive() {
        return wildFly.isAlive();
      }

      @Override
      public void stop() {
        wildFly.stop();
      }
    };
  }

  /** A restarted component takes its predecessor's place in the stop order. */
  private synchronized void replace(AutoCloseable dead, AutoCloseable started) {
    running.remove(dead);
    register(started);
  }

  /**
   * Stops in reverse start order; keeps going if one component fails to stop, so the rest still
   * stops.
   */
  public void stop() {
    Supervisor watching;
    synchronized (this) {
      watching = supervisor;
    }
    if (watching != null) {
      watching.close();
    }
    stopAll();
  }

  private synchronized void stopAll() {
    stopped = true;
    while (!running.isEmpty()) {
      AutoCloseable component = running.pop();
      try {
        component.close();
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
