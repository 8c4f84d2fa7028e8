package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.KeyProvider;
import eu.rathaus.attachments.domain.MalwareScanner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Builds the scanner and the default key provider from the environment ({@code CLAMD_HOST},
 * {@code CLAMD_PORT}, {@code RATHAUS_KEYSTORE}, {@code RATHAUS_KEYSTORE_PASSWORD}) and says at
 * start-up what the attachment storage will do: a missing scanner is a WARN, because files are then
 * stored as "not scanned"; a missing or unreadable keystore is an ERROR, because uploads and
 * downloads will be refused.
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
    return scannerFrom(System.getenv());
  }

  @Produces
  @ApplicationScoped
  KeyProvider keyProvider() {
    Map<String, String> env = System.getenv();
    String path = blankToNull(env.get("RATHAUS_KEYSTORE"));
    String password = env.get("RATHAUS_KEYSTORE_PASSWORD");
    return new KeystoreKeyProvider(path == null ? null : Path.of(path), password == null ? null : password.toCharArray(),
        blankToNull(env.get("RATHAUS_KEYSTORE_ALIAS")));
  }

  static MalwareScanner scannerFrom(Map<String, String> env) {
    String host = blankToNull(env.get("CLAMD_HOST"));
    if (host == null) {
      return new NotConfiguredScanner();
    }
    String rawPort = blankToNull(env.get("CLAMD_PORT"));
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
    if (!scanner.isConfigured()) {
      LOG.warning("No malware scanner configured (set CLAMD_HOST and CLAMD_PORT): uploaded attachments are stored"
          + " and marked NOT_SCANNED, never as clean.");
    } else if (scanner instanceof ClamdScanner clamd && !clamd.ping()) {
      LOG.warning(() -> "Malware scanner " + scanner.describe() + " does not answer: uploads are refused until it does.");
    } else {
      LOG.info(() -> "Attachments are scanned by " + scanner.describe());
    }
    String problem = keys.problem();
    if (problem != null) {
      LOG.severe(() -> "Attachment encryption is not available, uploads and downloads are refused: " + problem);
    } else {
      LOG.info(() -> "Attachments are encrypted with data keys wrapped by master key " + keys.currentMasterKeyId());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
