package eu.rathaus.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.crypto.KeyGenerator;

/**
 * The master key of local runs and tests: a PKCS#12 keystore with one AES-256 key, created on the
 * first start in the data folder (never in the WAR or the repository) and handed to the portal as
 * {@code RATHAUS_KEYSTORE}.
 *
 * <p>It is created here and not by the portal, so that a production portal that does not find its
 * keystore fails loudly instead of quietly making a new master key that cannot open yesterday's
 * attachments. Deleting the file makes every local attachment unreadable; {@code ./rathaus reset}
 * deletes it together with the database.
 */
public final class LocalKeystore {

  /** Alias of the master key, as the portal's {@code KeystoreKeyProvider} expects by default. */
  public static final String ALIAS = "rathaus-master-1";

  private LocalKeystore() {}

  /** Creates the keystore unless it exists; returns true if it was created now. */
  public static boolean ensure(StackConfig config) {
    Path file = config.keystorePath();
    if (Files.isRegularFile(file)) {
      return false;
    }
    char[] password = config.keystorePassword().toCharArray();
    try {
      Files.createDirectories(file.getParent());
      restrict(file.getParent(), "rwx------");
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      store.setEntry(
          ALIAS,
          new KeyStore.SecretKeyEntry(generator.generateKey()),
          new KeyStore.PasswordProtection(password));
      Path partial = file.resolveSibling(file.getFileName() + ".new");
      try (OutputStream out =
          Files.newOutputStream(
              partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
        store.store(out, password);
      }
      restrict(partial, "rw-------");
      Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException | GeneralSecurityException e) {
      throw new StackException(
          "Schlüsselspeicher konnte nicht angelegt werden / keystore could not be created: "
              + file
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the data folder's own protection applies
    }
  }
}
