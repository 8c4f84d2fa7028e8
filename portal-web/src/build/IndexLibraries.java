import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.jandex.IndexWriter;
import org.jboss.jandex.Indexer;

/**
 * Build step of portal-web (prepare-package, one JVM for all jars): adds {@code
 * META-INF/jandex.idx} to every third-party jar in the laid-out WAR's {@code WEB-INF/lib}.
 *
 * <p>Why: WildFly builds an annotation index of every class in every jar of a deployment at each
 * start unless the jar carries one; for the portal's ~8,500 third-party classes (PrimeFaces,
 * PDFBox, Micrometer, Tika …) that was the largest single piece of a restart in a flight recording
 * (issue 16). The index holds the same facts the server would compute, so nothing else changes.
 *
 * <p>Left alone: our own jars ({@code rathaus-*}: tests add classes to the deployment), jars that
 * already carry an index, and signed jars (an added entry must not touch a signature).
 *
 * <p>Usage: {@code java -cp jandex.jar IndexLibraries.java <WEB-INF/lib>}
 */
public final class IndexLibraries {

  private static final String INDEX = "META-INF/jandex.idx";

  public static void main(String[] args) throws IOException {
    Path lib = Path.of(args[0]);
    int indexed = 0;
    int skipped = 0;
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
      for (Path jar : jars) {
        if (jar.getFileName().toString().startsWith("rathaus-") || !needsIndex(jar)) {
          skipped++;
          continue;
        }
        addIndex(jar);
        indexed++;
      }
    }
    System.out.printf("IndexLibraries: %d jars indexed, %d left as they were%n", indexed, skipped);
  }

  private static boolean needsIndex(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.getEntry(INDEX) != null) {
        return false;
      }
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.startsWith("META-INF/") && name.endsWith(".SF")) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Indexes the jar's class files and adds the index as one more entry; the zip file system copies
   * every other entry as it is (no recompression).
   */
  private static void addIndex(Path jar) throws IOException {
    Indexer indexer = new Indexer();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
          try (InputStream in = zip.getInputStream(entry)) {
            indexClass(indexer, jar, entry.getName(), in.readAllBytes());
          }
        }
      }
    }
    ByteArrayOutputStream index = new ByteArrayOutputStream();
    new IndexWriter(index).write(indexer.complete());
    try (FileSystem fs = FileSystems.newFileSystem(jar)) {
      Path target = fs.getPath(INDEX);
      Files.createDirectories(target.getParent());
      Files.write(target, index.toByteArray());
    }
  }

  /** As WildFly does it: every class file, and one it cannot read is reported and left out. */
  private static void indexClass(Indexer indexer, Path jar, String name, byte[] bytes) {
    try {
      indexer.index(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      System.out.printf("IndexLibraries: %s!/%s not indexed: %s%n", jar.getFileName(), name, e);
    }
  }
}
