package eu.rathaus.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak from its Maven distribution, with the Rathaus realm imported on first start.
 *
 * <p>The distribution comes from Maven Central (copied by the launcher's build), so no container
 * engine and no second download channel are needed. The optimized build step runs once per data
 * folder; the realm JSON is passed the environment-specific values (portal URL, client secret,
 * SMTP) as environment variables, so one file serves {@code ./rathaus up} and the tests. Keycloak
 * only imports a realm that does not exist yet: changes to the JSON reach an existing data folder
 * only after {@code ./rathaus reset}.
 */
public final class LocalKeycloak implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalKeycloak.class);

  /**
   * Folder on the classpath (identity module) whose {@code *-realm.json} files are all imported.
   */
  static final String REALM_FOLDER = "keycloak/";

  /**
   * Demo additions to a realm file (demo users, relaxed password policy), merged only by the
   * launcher.
   */
  static final String DEMO_FOLDER = REALM_FOLDER + "demo/";

  /** A realm file that must exist; it also tells where (jar or folder) the realm files live. */
  static final String ANCHOR_REALM = REALM_FOLDER + "rathaus-realm.json";

  /**
   * Folder on the classpath (identity module) with the portal's own Keycloak themes (e-mail theme
   * {@code rathaus}).
   */
  static final String THEME_FOLDER = REALM_FOLDER + "themes/";

  /** Build-time options; a change here triggers a rebuild because the marker records them. */
  static final List<String> BUILD_OPTIONS =
      List.of("--db=postgres", "--health-enabled=true", "--cache=local");

  /**
   * The build options for this configuration: with an OTLP endpoint also {@code
   * --tracing-enabled=true} (a build-time option of Keycloak), so switching tracing on or off costs
   * one rebuild (~30 s) and a Keycloak without tracing carries none of it.
   */
  static List<String> buildOptions(StackConfig config) {
    List<String> options = new ArrayList<>(BUILD_OPTIONS);
    if (config.otlpEndpoint() != null) {
      options.add("--tracing-enabled=true");
      // A request that carries the portal's traceparent follows the portal's sampling decision.
      options.add("--tracing-sampler-type=parentbased_traceidratio");
    }
    return options;
  }

  /**
   * Run-time tracing options: Keycloak's spans (HTTP requests and its own SQL) go to the same OTLP
   * endpoint as the portal's, over OTLP/HTTP; a {@code traceparent} the portal sent makes them part
   * of the portal's trace.
   */
  static List<String> tracingOptions(StackConfig config) {
    if (config.otlpEndpoint() == null) {
      return List.of();
    }
    return List.of(
        "--tracing-endpoint=" + config.otlpEndpoint().replaceAll("/+$", "") + "/v1/traces",
        "--tracing-protocol=http/protobuf",
        "--tracing-service-name=keycloak");
  }

  private static final String BUILD_MARKER = ".rathaus-build";

  /** A class of the keycloak-extensions module, read as a resource only (never loaded here). */
  static final String PROVIDER_ANCHOR = "eu/rathaus/keycloak/GuardFactory.class";

  static final String PROVIDER_JAR = "rathaus-keycloak-extensions.jar";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final StackConfig config;
  private final ManagedProcess process;

  private LocalKeycloak(StackConfig config, ManagedProcess process) {
    this.config = config;
    this.process = process;
  }

  /**
   * Unpacks and builds Keycloak if needed, starts it, and returns once {@code /health/ready}
   * answers 200.
   */
  public static LocalKeycloak start(StackConfig config) {
    Path home = home(config);
    ManagedProcess.reclaimOrphan("Keycloak", pidFile(config), home.toString());
    unpackIfNeeded(config, home);
    String providers = installProviders(home);
    buildIfNeeded(config, home, providers);
    copyRealms(home);
    copyThemes(home);
    List<String> command =
        new ArrayList<>(
            List.of(
                home.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + config.keycloakPort(),
                "--http-management-port=" + config.keycloakManagementPort(),
                // A fixed hostname keeps the issuer identical for the browser and for WildFly's
                // back channel.
                "--hostname=" + config.keycloakUrl(),
                "--hostname-strict=false",
                "--import-realm"));
    command.addAll(tracingOptions(config));
    ManagedProcess process =
        ManagedProcess.start(
            "Keycloak", command, home, environment(config), logFile(config), pidFile(config));
    LocalKeycloak keycloak = new LocalKeycloak(config, process);
    try {
      process.awaitHttp(healthUrl(config), status -> status == 200, START_TIMEOUT);
    } catch (RuntimeException e) {
      keycloak.stop();
      throw e;
    }
    return keycloak;
  }

  /**
   * Environment of the Keycloak process: database, bootstrap admin and the realm import
   * placeholders.
   */
  static Map<String, String> environment(StackConfig config) {
    Map<String, String> env = new HashMap<>();
    // Credentials go through the environment, not the command line, so they do not show up in `ps`.
    env.put("KC_DB_URL", config.keycloakDbUrl());
    env.put("KC_DB_USERNAME", config.keycloakDbUser());
    env.put("KC_DB_PASSWORD", config.keycloakDbPassword());
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", config.keycloakAdminUser());
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", config.keycloakAdminPassword());
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
    env.put("RATHAUS_PORTAL_URL", config.portalBaseUrl());
    // Brokered realms (staff directory, eID) talk to each other through the browser-facing URL.
    env.put("RATHAUS_KEYCLOAK_URL", config.keycloakUrl());
    env.put("RATHAUS_OIDC_CLIENT_SECRET", config.oidcClientSecret());
    env.put("RATHAUS_SMTP_HOST", "127.0.0.1");
    env.put("RATHAUS_SMTP_PORT", Integer.toString(config.smtpPort()));
    return env;
  }

  public static Path home(StackConfig config) {
    return config.dataDir().resolve("keycloak-" + config.keycloakVersion());
  }

  public static Path logFile(StackConfig config) {
    return config.logDir().resolve("keycloak.log");
  }

  static Path pidFile(StackConfig config) {
    return config.dataDir().resolve("run/keycloak.pid");
  }

  public static String healthUrl(StackConfig config) {
    return "http://localhost:" + config.keycloakManagementPort() + "/health/ready";
  }

  /**
   * Unpacks into a temporary sibling folder and renames it at the end, so an interrupted unpack
   * never leaves a half-filled Keycloak that the next start would mistake for a complete one.
   */
  private static void unpackIfNeeded(StackConfig config, Path home) {
    if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      return;
    }
    Path zip = config.keycloakDistribution();
    if (!Files.isRegularFile(zip)) {
      throw new StackException(
          "Keycloak-Distribution fehlt / missing: "
              + zip
              + " – run ./mvnw install -DskipTests first.");
    }
    long started = System.nanoTime();
    Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
    try {
      deleteRecursively(staging);
      Files.createDirectories(staging);
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          String name = entry.getName();
          int slash = name.indexOf('/');
          String relative = slash < 0 ? name : name.substring(slash + 1); // drop "keycloak-x.y.z/"
          if (relative.isEmpty()) {
            continue;
          }
          Path target = staging.resolve(relative).normalize();
          if (!target.startsWith(staging)) {
            throw new IOException("Zip entry outside target folder: " + name);
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      try (Stream<Path> scripts = Files.list(staging.resolve("bin"))) {
        for (Path script :
            (Iterable<Path>) scripts.filter(p -> p.toString().endsWith(".sh"))::iterator) {
          Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
      deleteRecursively(home);
      Files.move(staging, home);
      LOG.info(
          "Keycloak {} entpackt / unpacked in {} s", config.keycloakVersion(), seconds(started));
    } catch (IOException e) {
      throw new StackException(
          "Keycloak konnte nicht entpackt werden / could not be unpacked: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code kc.sh build} unless the marker says it already ran with the same options and the
   * same provider jar (an optimized Keycloak only sees providers that were there at build time).
   */
  private static void buildIfNeeded(StackConfig config, Path home, String providersFingerprint) {
    Path marker = home.resolve(BUILD_MARKER);
    List<String> options = buildOptions(config);
    String wanted = String.join(" ", options) + " providers=" + providersFingerprint;
    try {
      if (Files.isRegularFile(marker) && Files.readString(marker).trim().equals(wanted)) {
        return;
      }
      long started = System.nanoTime();
      System.out.println(
          "[rathaus] Keycloak wird einmalig gebaut / one-time Keycloak build (~30 s) …");
      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/kc.sh").toString());
      command.add("build");
      command.addAll(options);
      Files.createDirectories(config.logDir());
      Path log = config.logDir().resolve("keycloak-build.log");
      Process build =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
      int exit = build.waitFor();
      if (exit != 0) {
        throw new StackException(
            "Keycloak-Build fehlgeschlagen / kc.sh build failed (exit " + exit + "). Log: " + log);
      }
      Files.writeString(marker, wanted);
      LOG.info("Keycloak gebaut / built in {} s", seconds(started));
    } catch (IOException e) {
      throw new StackException(
          "Keycloak-Build fehlgeschlagen / kc.sh build failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Unterbrochen / interrupted", e);
    }
  }

  /**
   * Writes the Rathaus provider jar (module keycloak-extensions: the federation guards of the first
   * broker login and their messages) into {@code providers/}, from the jar on the classpath or, in
   * the reactor, its classes folder. The jar is rebuilt from its entries with fixed timestamps, so
   * its SHA-256 changes only when the content does; that hash goes into the build marker.
   */
  static String installProviders(Path home) {
    java.net.URL anchor = LocalKeycloak.class.getClassLoader().getResource(PROVIDER_ANCHOR);
    if (anchor == null) {
      throw new StackException(
          "Keycloak-Erweiterung fehlt im Klassenpfad / Keycloak extension missing on the "
              + "classpath: "
              + PROVIDER_ANCHOR
              + " – run ./mvnw package -DskipTests first.");
    }
    try {
      java.util.SortedMap<String, byte[]> entries = providerEntries(anchor);
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
      try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(jar)) {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
          ZipEntry zipEntry = new ZipEntry(entry.getKey());
          zipEntry.setTime(0L);
          out.putNextEntry(zipEntry);
          out.write(entry.getValue());
          out.closeEntry();
          sha.update(entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          sha.update(entry.getValue());
        }
      }
      Path target = home.resolve("providers").resolve(PROVIDER_JAR);
      Files.createDirectories(target.getParent());
      // Rewriting an unchanged jar would still count as "updated since the last build" to an
      // optimized Keycloak.
      if (!Files.isRegularFile(target)
          || !java.util.Arrays.equals(Files.readAllBytes(target), jar.toByteArray())) {
        Files.write(target, jar.toByteArray());
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException | java.net.URISyntaxException e) {
      throw new StackException(
          "Keycloak-Erweiterung konnte nicht installiert werden / could not install the "
              + "Keycloak extension: "
              + e.getMessage(),
          e);
    }
  }

  /** Every file of the provider (jar or classes folder the anchor class lies in), by entry name. */
  private static java.util.SortedMap<String, byte[]> providerEntries(java.net.URL anchor)
      throws IOException, java.net.URISyntaxException {
    java.util.SortedMap<String, byte[]> entries = new java.util.TreeMap<>();
    if ("jar".equals(anchor.getProtocol())) {
      String spec = anchor.getPath();
      Path jar = Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/"))));
      try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
        for (java.util.jar.JarEntry entry : java.util.Collections.list(file.entries())) {
          if (!entry.isDirectory()) {
            try (InputStream in = file.getInputStream(entry)) {
              entries.put(entry.getName(), in.readAllBytes());
            }
          }
        }
      }
    } else {
      Path classFile = Path.of(anchor.toURI());
      Path root = classFile;
      for (int i = 0; i < PROVIDER_ANCHOR.split("/").length; i++) {
        root = root.getParent();
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          entries.put(
              root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    }
    return entries;
  }

  /**
   * Copies the realm files fresh on every start; Keycloak itself skips realms that already exist.
   */
  private static void copyRealms(Path home) {
    Path importDir = home.resolve("data/import");
    try {
      Files.createDirectories(importDir);
      try (Stream<Path> old = Files.list(importDir)) {
        // A realm file removed from the project must not linger in the import folder.
        for (Path stale :
            (Iterable<Path>) old.filter(p -> isRealmFile(p.getFileName().toString()))::iterator) {
          Files.delete(stale);
        }
      }
      for (String resource : realmResources()) {
        try (InputStream in = LocalKeycloak.class.getClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new StackException(
                "Realm-Datei fehlt im Klassenpfad / realm file missing on the classpath: "
                    + resource);
          }
          String fileName = resource.substring(resource.lastIndexOf('/') + 1);
          Path target = importDir.resolve(fileName);
          byte[] realm = in.readAllBytes();
          byte[] overlay = demoOverlay(fileName);
          Files.write(target, overlay == null ? realm : withDemoOverlay(realm, overlay));
        }
      }
    } catch (IOException e) {
      throw new StackException(
          "Realm-Import vorbereiten fehlgeschlagen / could not prepare realm import: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The demo overlay of a realm file ({@code keycloak/demo/<name>-demo.json}), or null if it has
   * none.
   */
  static byte[] demoOverlay(String realmFileName) throws IOException {
    String name = DEMO_FOLDER + realmFileName.replace(".json", "-demo.json");
    try (InputStream in = LocalKeycloak.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  /**
   * The launcher is the demo installation, so it imports each realm together with its demo overlay:
   * the overlay's users are added, its organization members are added to the organization of the
   * same alias, and its other top-level values replace the realm's (null removes the setting). The
   * realm files themselves stay free of demo users, which is what a production installation
   * imports.
   */
  static byte[] withDemoOverlay(byte[] realmJson, byte[] overlayJson) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode realm = (ObjectNode) json.readTree(realmJson);
    JsonNode overlay = json.readTree(overlayJson);
    for (Map.Entry<String, JsonNode> field : overlay.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.startsWith("_")) {
        continue; // comments for the reader of the overlay file
      } else if ("users".equals(key)) {
        realm.withArray("users").addAll((ArrayNode) value);
      } else if ("organizations".equals(key)) {
        for (JsonNode extra : value) {
          for (JsonNode org : realm.withArray("organizations")) {
            if (org.path("alias").asText().equals(extra.path("alias").asText())) {
              ((ObjectNode) org).withArray("members").addAll((ArrayNode) extra.path("members"));
            }
          }
        }
      } else if (value.isNull()) {
        realm.remove(key);
      } else {
        realm.set(key, value);
      }
    }
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(realm);
  }

  static boolean isRealmFile(String fileName) {
    return fileName.endsWith("-realm.json");
  }

  /**
   * Every {@code keycloak/*-realm.json} next to the anchor realm, whether the identity module is a
   * jar (launcher, {@code ./rathaus up}) or a classes folder (tests in the reactor). Sorted, so the
   * import order is stable.
   */
  static List<String> realmResources() throws IOException {
    List<String> names = new ArrayList<>();
    for (String name : resourcesBesideAnchor()) {
      String relative = name.substring(REALM_FOLDER.length());
      if (relative.indexOf('/') < 0 && isRealmFile(relative)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Every file of the portal's Keycloak themes ({@code keycloak/themes/<theme>/<type>/…}), sorted.
   */
  static List<String> themeResources() throws IOException {
    return resourcesBesideAnchor().stream().filter(n -> n.startsWith(THEME_FOLDER)).toList();
  }

  /**
   * Copies the portal's themes into Keycloak's {@code themes/} folder on every start, replacing
   * what an earlier start put there, so a changed template takes effect with the next start (the
   * realm chooses it by name).
   */
  private static void copyThemes(Path home) {
    Path themes = home.resolve("themes");
    try {
      List<String> files = themeResources();
      for (String theme :
          files.stream()
              .map(n -> n.substring(THEME_FOLDER.length()).split("/")[0])
              .distinct()
              .toList()) {
        deleteRecursively(themes.resolve(theme));
      }
      for (String resource : files) {
        Path target = themes.resolve(resource.substring(THEME_FOLDER.length())).normalize();
        if (!target.startsWith(themes)) {
          throw new IOException("Theme file outside the themes folder: " + resource);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = LocalKeycloak.class.getClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new IOException("Theme file missing on the classpath: " + resource);
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new StackException(
          "Keycloak-Themes kopieren fehlgeschlagen / could not copy Keycloak themes: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Every file under {@code keycloak/} where the anchor realm lives (jar or classes folder),
   * sorted.
   */
  private static List<String> resourcesBesideAnchor() throws IOException {
    java.net.URL anchor = LocalKeycloak.class.getClassLoader().getResource(ANCHOR_REALM);
    if (anchor == null) {
      throw new StackException(
          "Realm-Datei fehlt im Klassenpfad / realm file missing on the classpath: "
              + ANCHOR_REALM
              + " – run ./mvnw package -DskipTests first.");
    }
    List<String> names = new ArrayList<>();
    try {
      if ("jar".equals(anchor.getProtocol())) {
        String spec = anchor.getPath(); // file:/…/rathaus-identity.jar!/keycloak/rathaus-realm.json
        Path jar = Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/"))));
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
          file.stream()
              .filter(e -> !e.isDirectory())
              .map(ZipEntry::getName)
              .filter(n -> n.startsWith(REALM_FOLDER))
              .forEach(names::add);
        }
      } else {
        Path folder = Path.of(anchor.toURI()).getParent();
        try (Stream<Path> files = Files.walk(folder)) {
          files
              .filter(Files::isRegularFile)
              .map(p -> REALM_FOLDER + folder.relativize(p).toString().replace('\\', '/'))
              .forEach(names::add);
        }
      }
    } catch (java.net.URISyntaxException e) {
      throw new IOException("Unreadable classpath location " + anchor, e);
    }
    names.sort(Comparator.naturalOrder());
    return names;
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  static String seconds(long startedNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
  }

  public StackConfig config() {
    return config;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Graceful stop (SIGTERM, 30 s), then forced. */
  public void stop() {
    process.stop(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    stop();
  }
}
