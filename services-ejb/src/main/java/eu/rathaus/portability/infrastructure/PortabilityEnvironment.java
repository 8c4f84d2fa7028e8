package eu.rathaus.portability.infrastructure;

import eu.rathaus.platform.DatabaseSettings;
import eu.rathaus.platform.Settings;
import eu.rathaus.portability.domain.PortabilityRefusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where the portal runs exports and imports (issue 15, the platform admin's page): the database
 * role that may bypass row-level security ({@code RATHAUS_PORTABILITY_DB_USER} / {@code _PASSWORD},
 * the same settings as the CLI's; unset, the page says what is missing), and the folder for
 * archives and this installation's portability keys ({@code RATHAUS_PORTABILITY_DIR}, default
 * {@code portability} in the server's data directory). The keys are created there on first use; the
 * public half is offered for download to the other installation.
 */
public final class PortabilityEnvironment {

  static final String PRIVATE_KEYS = "portability-private.jwks";
  static final String PUBLIC_KEYS = "portability-public.jwks";

  private final String url;
  private final String user;
  private final String password;
  private final Path folder;

  PortabilityEnvironment(String url, String user, String password, Path folder) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.folder = folder;
  }

  /** From the server's settings. */
  public static PortabilityEnvironment fromSettings() {
    String dataDir =
        System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
    return new PortabilityEnvironment(
        DatabaseSettings.fromEnvironment().url(),
        Settings.text("RATHAUS_PORTABILITY_DB_USER", null),
        Settings.text("RATHAUS_PORTABILITY_DB_PASSWORD", ""),
        Path.of(
            Settings.text("RATHAUS_PORTABILITY_DIR", Path.of(dataDir, "portability").toString())));
  }

  /** What is missing before a job can run, if anything (German / English). */
  public Optional<String> missing() {
    if (user == null) {
      return Optional.of(
          "RATHAUS_PORTABILITY_DB_USER ist nicht gesetzt: Export und Import brauchen eine"
              + " Datenbankrolle, die Zeilensicherheit umgehen darf / RATHAUS_PORTABILITY_DB_USER is"
              + " not set: export and import need a database role that may bypass row-level security");
    }
    return Optional.empty();
  }

  /** A connection as the portability role (its own transactions, outside the server's pool). */
  public Connection connect() throws SQLException {
    missing()
        .ifPresent(
            m -> {
              throw new PortabilityRefusal(m);
            });
    try {
      // Loaded through the deployment's class loader (module org.postgresql): registered before
      // use.
      Class.forName("org.postgresql.Driver");
    } catch (ClassNotFoundException e) {
      // another driver named by the URL may be registered already
    }
    return DriverManager.getConnection(url, user, password);
  }

  /** The folder of archives (created on first use). */
  public Path archives() throws IOException {
    return Files.createDirectories(folder.resolve("archives"));
  }

  /** This installation's private portability keys, created on first use. */
  public synchronized PortabilityKeys ownKeys() throws IOException {
    Path keys = Files.createDirectories(folder.resolve("keys"));
    Path privateFile = keys.resolve(PRIVATE_KEYS);
    if (!Files.exists(privateFile)) {
      PortabilityKeys.generate().write(privateFile, keys.resolve(PUBLIC_KEYS));
    }
    return PortabilityKeys.read(privateFile);
  }
}
