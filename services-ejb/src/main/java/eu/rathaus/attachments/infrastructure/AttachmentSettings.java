package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.KeyProvider;
import eu.rathaus.attachments.domain.MalwareScanner;
import eu.rathaus.platform.ProductionCheck;
import eu.rathaus.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Builds the scanner and the default key provider from the settings ({@code CLAMD_HOST}, {@code
 * CLAMD_PORT}, {@code RATHAUS_KEYSTORE}, {@code RATHAUS_KEYSTORE_PASSWORD}) and says at start-up
 * what the attachment storage will do: a missing scanner is a WARN, because files are then stored
 * as "not scanned"; a missing or unreadable keystore is an ERROR, because uploads and downloads
 * will be refused.
 */
@ApplicationScoped
public class AttachmentSettings {

  private static final Logger LOG = Logger.getLogger(AttachmentSettings.class.getName());
  static final int DEFAULT_CLAMD_PORT = 3310;

  @Inject MalwareScanner scanner;
  @Inject KeyProvider keys;

  @Produces
  @ApplicationScoped
  MalwareScanner scanner() {
    return scannerFrom(Settings::value);
  }

  @Produces
  @ApplicationScoped
  KeyProvider keyProvider() {
    String path = Settings.text("RATHAUS_KEYSTORE", null);
    String password = Settings.text("RATHAUS_KEYSTORE_PASSWORD", null);
    return new KeystoreKeyProvider(
        path == null ? null : Path.of(path),
        password == null ? null : password.toCharArray(),
        Settings.text("RATHAUS_KEYSTORE_ALIAS", null));
  }

  static MalwareScanner scannerFrom(Function<String, Optional<String>> settings) {
    String host = settings.apply("CLAMD_HOST").orElse(null);
    if (host == null) {
      return new NotConfiguredScanner();
    }
    String rawPort = settings.apply("CLAMD_PORT").orElse(null);
    int port = DEFAULT_CLAMD_PORT;
    if (rawPort != null) {
      try {
        port = Integer.parseInt(rawPort.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("CLAMD_PORT is not a number: " + rawPort, e);
      }
    }
    return new ClamdScanner(host, port);
  }

  void onStartup(@Observes Startup startup) {
    if (!scanner.isConfigured() && ProductionCheck.malwareScanOptedOut(Settings::value)) {
      LOG.warning(
          ProductionCheck.MALWARE_SCAN
              + "=off: malware scanning is switched off; uploaded attachments are stored"
              + " and marked NOT_SCANNED, and administrators see a notice.");
    } else if (!scanner.isConfigured()) {
      LOG.warning(
          "No malware scanner configured (set CLAMD_HOST and CLAMD_PORT): uploaded attachments are stored"
              + " and marked NOT_SCANNED, never as clean.");
    } else if (scanner instanceof ClamdScanner clamd && !clamd.ping()) {
      LOG.warning(
          () ->
              "Malware scanner "
                  + scanner.describe()
                  + " does not answer: uploads are refused until it does.");
    } else {
      LOG.info(() -> "Attachments are scanned by " + scanner.describe());
    }
    String problem = keys.problem();
    if (problem != null) {
      LOG.severe(
          () ->
              "Attachment encryption is not available, uploads and downloads are refused: "
                  + problem);
    } else {
      LOG.info(
          () ->
              "Attachments are encrypted with data keys wrapped by master key "
                  + keys.currentMasterKeyId());
    }
  }
}
