package eu.rathaus.launcher;

import eu.rathaus.attachments.infrastructure.KeystoreKeyProvider;
import eu.rathaus.portability.domain.PortabilityRefusal;
import eu.rathaus.portability.infrastructure.MunicipalityErasure;
import eu.rathaus.portability.infrastructure.MunicipalityExport;
import eu.rathaus.portability.infrastructure.MunicipalityImport;
import eu.rathaus.portability.infrastructure.PortabilityKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./rathaus portability-keys | export-municipality | import-municipality |
 * erase-municipality}: a municipality leaves one installation for another (issue 15, README "Leave
 * with your data"). Runs outside the application server against the database directly, as the
 * database superuser ({@code RATHAUS_PORTABILITY_DB_USER} / {@code _PASSWORD}, default the local
 * stack's {@code postgres}); the master key is the portal's own keystore ({@code
 * RATHAUS_KEYSTORE}). The export runs while the portal runs: one read-only snapshot transaction.
 */
final class PortabilityCommand {

  private PortabilityCommand() {}

  static int run(String command, List<String> args, StackConfig config, PrintStream out) {
    Map<String, String> options = new HashMap<>();
    String positional = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--") && i + 1 < args.size()) {
        options.put(arg.substring(2), args.get(++i));
      } else if (positional == null) {
        positional = arg;
      } else {
        return usage(out);
      }
    }
    try {
      switch (command) {
        case "portability-keys":
          return keys(positional, out);
        case "export-municipality":
          return exportMunicipality(positional, options, config, out);
        case "import-municipality":
          return importMunicipality(positional, options, config, out);
        case "erase-municipality":
          return eraseMunicipality(positional, options, config, out);
        default:
          return usage(out);
      }
    } catch (PortabilityRefusal e) {
      out.println("Abgelehnt / refused: " + e.getMessage());
      return Main.FAILURE;
    } catch (SQLException | IOException e) {
      out.println("Fehlgeschlagen / failed: " + e.getMessage());
      return Main.FAILURE;
    }
  }

  static void usage(PrintStream out, String indent) {
    out.println(
        indent
            + "portability-keys <ordner>   erzeugt die Portabilitätsschlüssel / creates the portability keys");
    out.println(
        indent
            + "export-municipality <slug> --key <eigene.jwks> --to <ziel-public.jwks> --out <datei>");
    out.println(
        indent + "import-municipality <datei> --key <eigene.jwks> --from <quelle-public.jwks>");
    out.println(
        indent
            + "erase-municipality <slug> --archive <datei> --key <eigene.jwks> --confirm <slug>");
  }

  private static int usage(PrintStream out) {
    out.println("Aufruf / usage:");
    usage(out, "  ./rathaus ");
    return Main.USAGE;
  }

  private static int keys(String folder, PrintStream out) throws IOException {
    if (folder == null) {
      return usage(out);
    }
    Path dir = Path.of(folder);
    Files.createDirectories(dir);
    Path privateFile = dir.resolve("portability-private.jwks");
    Path publicFile = dir.resolve("portability-public.jwks");
    if (Files.exists(privateFile)) {
      out.println(
          "Schlüssel gibt es schon, nichts überschrieben / keys exist already, nothing overwritten: "
              + privateFile);
      return Main.FAILURE;
    }
    PortabilityKeys.generate().write(privateFile, publicFile);
    out.println("Privat (geheim halten) / private (keep secret): " + privateFile);
    out.println(
        "Öffentlich (der anderen Installation geben) / public (give to the other installation): "
            + publicFile);
    return Main.OK;
  }

  private static int exportMunicipality(
      String slug, Map<String, String> options, StackConfig config, PrintStream out)
      throws SQLException, IOException {
    if (slug == null || !options.keySet().containsAll(List.of("key", "to", "out"))) {
      return usage(out);
    }
    Path target = Path.of(options.get("out"));
    PortabilityKeys own = PortabilityKeys.read(Path.of(options.get("key")));
    PortabilityKeys to = PortabilityKeys.read(Path.of(options.get("to")));
    MunicipalityExport.Report report;
    try (Connection c = connect(config)) {
      report =
          MunicipalityExport.exportToFile(
              c, MunicipalityExport.Request.of(slug, master(config), own, to), target);
    }
    long rows = report.tables().values().stream().mapToLong(t -> t.rows()).sum();
    out.println(
        "Exportiert / exported: "
            + report.slug()
            + " – "
            + report.tables().size()
            + " Tabellen / tables, "
            + rows
            + " Zeilen / rows → "
            + target);
    return Main.OK;
  }

  private static int importMunicipality(
      String archive, Map<String, String> options, StackConfig config, PrintStream out)
      throws SQLException, IOException {
    if (archive == null || !options.keySet().containsAll(List.of("key", "from"))) {
      return usage(out);
    }
    PortabilityKeys own = PortabilityKeys.read(Path.of(options.get("key")));
    PortabilityKeys from = PortabilityKeys.read(Path.of(options.get("from")));
    try (Connection c = connect(config)) {
      MunicipalityImport.Report report =
          MunicipalityImport.importArchive(c, Path.of(archive), master(config), own, from);
      long rows = report.rows().values().stream().mapToLong(Long::longValue).sum();
      out.println(
          "Importiert / imported: "
              + report.slug()
              + " – "
              + rows
              + " Zeilen / rows, gleiche Anzahlen und Inhalts-Hashes / same counts and content"
              + " hashes, Audit-Kette intakt / audit chain intact ("
              + report.auditEntriesVerified()
              + ")");
      if (report.organizationDescription().isPresent()) {
        out.println(
            "Das Archiv enthält die Keycloak-Organisation; die Seite „Umzug von Kommunen“ legt sie"
                + " an, dieser Befehl nicht / the archive holds the Keycloak organization; the"
                + " platform page creates it, this command does not");
      }
      return Main.OK;
    }
  }

  private static int eraseMunicipality(
      String slug, Map<String, String> options, StackConfig config, PrintStream out)
      throws SQLException, IOException {
    if (slug == null || !options.keySet().containsAll(List.of("archive", "key"))) {
      return usage(out);
    }
    PortabilityKeys own = PortabilityKeys.read(Path.of(options.get("key")));
    try (Connection c = connect(config)) {
      MunicipalityErasure.Report report =
          MunicipalityErasure.erase(
              c,
              slug,
              options.getOrDefault("confirm", ""),
              Path.of(options.get("archive")),
              own,
              "operator:" + System.getProperty("user.name"));
      long rows = report.deleted().values().stream().mapToLong(Long::longValue).sum();
      out.println("Gelöscht / erased: " + slug + " – " + rows + " Zeilen / rows");
      return Main.OK;
    }
  }

  private static Connection connect(StackConfig config) throws SQLException {
    String user = System.getenv().getOrDefault("RATHAUS_PORTABILITY_DB_USER", "postgres");
    String password = System.getenv().getOrDefault("RATHAUS_PORTABILITY_DB_PASSWORD", "postgres");
    return DriverManager.getConnection(config.jdbcUrl(), user, password);
  }

  private static KeystoreKeyProvider master(StackConfig config) {
    return new KeystoreKeyProvider(
        config.keystorePath(),
        config.keystorePassword().toCharArray(),
        System.getenv("RATHAUS_KEYSTORE_ALIAS"));
  }
}
