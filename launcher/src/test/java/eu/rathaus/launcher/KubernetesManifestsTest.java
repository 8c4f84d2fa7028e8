package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Offline check of the Kubernetes manifests in {@code docker/kubernetes} (issue 12): every file
 * parses, every Kustomize reference exists, every object has the kind's API version and a name, and
 * what production relies on is there: replicas, probes, resources, security context, disruption
 * budget, network policies, TLS, the CloudNativePG cluster with backups, the Keycloak Operator
 * resource, and no secret in the repository. A cluster is not needed; that a real API server
 * accepts the objects is not proven here.
 */
class KubernetesManifestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT =
      Path.of(System.getProperty("rathaus.project.dir", ".."))
          .toAbsolutePath()
          .normalize()
          .resolve("docker/kubernetes");

  /** The API version each kind used here must have (the CRDs' served versions). */
  private static final Map<String, String> API_VERSIONS =
      Map.ofEntries(
          Map.entry("ConfigMap", "v1"),
          Map.entry("Service", "v1"),
          Map.entry("Deployment", "apps/v1"),
          Map.entry("PodDisruptionBudget", "policy/v1"),
          Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
          Map.entry("Ingress", "networking.k8s.io/v1"),
          Map.entry("Cluster", "postgresql.cnpg.io/v1"),
          Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
          Map.entry("Database", "postgresql.cnpg.io/v1"),
          Map.entry("Keycloak", "k8s.keycloak.org/v2alpha1"),
          Map.entry("ExternalSecret", "external-secrets.io/v1beta1"),
          Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"));

  record Doc(Path file, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    String name() {
      return node.path("metadata").path("name").asText();
    }
  }

  @Test
  void everyKustomizationReferencesExistingFiles() throws IOException {
    List<Path> kustomizations =
        files().stream()
            .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
            .toList();
    assertThat(kustomizations)
        .extracting(f -> ROOT.relativize(f).toString())
        .contains(
            "base/kustomization.yaml",
            "overlays/demo/kustomization.yaml",
            "overlays/production/kustomization.yaml");
    for (Path k : kustomizations) {
      JsonNode node = read(k).get(0);
      // Opt-in parts (components/, e.g. tracing) are Kustomize Components, the rest Kustomizations.
      boolean component = ROOT.relativize(k).startsWith("components");
      assertThat(node.path("kind").asText())
          .as(k.toString())
          .isEqualTo(component ? "Component" : "Kustomization");
      assertThat(node.path("apiVersion").asText())
          .as(k.toString())
          .isEqualTo(
              component ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1");
      for (JsonNode used : node.path("components")) {
        assertThat(k.getParent().resolve(used.asText()).resolve("kustomization.yaml").normalize())
            .as(k + " component " + used)
            .isRegularFile();
      }
      for (JsonNode resource : node.path("resources")) {
        assertThat(k.getParent().resolve(resource.asText()).normalize())
            .as(k + " → " + resource)
            .exists();
      }
      for (JsonNode patch : node.path("patches")) {
        assertThat(k.getParent().resolve(patch.path("path").asText()))
            .as(k + " patch " + patch)
            .isRegularFile();
      }
    }
  }

  @Test
  void everyObjectHasItsKindsApiVersionAndAName() throws IOException {
    List<Doc> docs = objects();
    assertThat(docs).hasSizeGreaterThan(20);
    for (Doc doc : docs) {
      assertThat(API_VERSIONS).as(doc.file() + ": kind " + doc.kind()).containsKey(doc.kind());
      assertThat(doc.node().path("apiVersion").asText())
          .as(doc.file() + " " + doc.kind())
          .isEqualTo(API_VERSIONS.get(doc.kind()));
      assertThat(doc.name())
          .as(doc.file() + " metadata.name")
          .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }
  }

  @Test
  void noSecretIsCommitted() throws IOException {
    assertThat(objects()).noneMatch(d -> d.kind().equals("Secret"));
    for (Path file : files()) {
      assertThat(Files.readString(file))
          .as(file.toString())
          .doesNotContain("stringData:", "BEGIN PRIVATE KEY");
    }
  }

  @Test
  void portalRunsAsAHardenedHighlyAvailableDeployment() throws IOException {
    JsonNode portal = find(baseObjects(), "Deployment", "rathaus-portal");
    assertThat(portal.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode pod = portal.at("/spec/template/spec");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/affinity/podAntiAffinity").isMissingNode()).as("anti-affinity").isFalse();
    JsonNode container = pod.at("/containers/0");
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      assertThat(container.path(probe).at("/httpGet/path").asText())
          .as(probe)
          .startsWith("/health/");
      assertThat(container.path(probe).at("/httpGet/port").asText())
          .as(probe)
          .isEqualTo("management");
    }
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
    assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
    assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
    assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    JsonNode labels = portal.at("/spec/template/metadata/labels");
    JsonNode pdb = find(baseObjects(), "PodDisruptionBudget", "rathaus-portal");
    pdb.at("/spec/selector/matchLabels")
        .fields()
        .forEachRemaining(
            e -> assertThat(labels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
    JsonNode headless = find(baseObjects(), "Service", "rathaus-portal-cluster");
    assertThat(headless.at("/spec/clusterIP").asText())
        .as("JGroups DNS_PING needs a headless service")
        .isEqualTo("None");
    assertThat(container.toString()).contains("JGROUPS_DNS_QUERY", "rathaus-portal-cluster");
  }

  @Test
  void everyContainerIsNonRootReadOnlyWithoutPrivilegesAndProbed() throws IOException {
    for (Doc doc : objects()) {
      if (!doc.kind().equals("Deployment")) {
        continue;
      }
      JsonNode pod = doc.node().at("/spec/template/spec");
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(doc.name()).isTrue();
      assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).as(doc.name()).isFalse();
      List<JsonNode> containers = new ArrayList<>();
      pod.path("containers").forEach(containers::add);
      pod.path("initContainers").forEach(containers::add);
      for (JsonNode c : containers) {
        String what = doc.name() + "/" + c.path("name").asText();
        assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
            .as(what)
            .isFalse();
        assertThat(c.at("/securityContext/capabilities/drop").toString()).as(what).contains("ALL");
      }
      for (JsonNode c : pod.path("containers")) {
        if (c.has("ports")) {
          assertThat(c.has("readinessProbe") && c.has("livenessProbe"))
              .as(doc.name() + " probes")
              .isTrue();
        }
      }
    }
  }

  @Test
  void networkIsDeniedByDefaultAndThePortalReachesOnlyItsDependencies() throws IOException {
    List<Doc> base = baseObjects();
    JsonNode deny = find(base, "NetworkPolicy", "default-deny");
    assertThat(deny.at("/spec/podSelector").size()).isZero();
    assertThat(deny.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
    JsonNode portal = find(base, "NetworkPolicy", "rathaus-portal");
    Set<Integer> ports = new HashSet<>();
    portal
        .at("/spec/egress")
        .forEach(rule -> rule.path("ports").forEach(p -> ports.add(p.path("port").asInt())));
    // PostgreSQL, Keycloak, clamd, JGroups peers, SMTP relay, DNS: nothing else.
    assertThat(ports).containsExactlyInAnyOrder(5432, 8443, 8080, 3310, 7600, 57600, 587, 25, 53);
    // HTTPS out (payment provider, register service, webhook receivers): egress on 443 only.
    JsonNode https = find(base, "NetworkPolicy", "rathaus-portal-https");
    assertThat(https.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText())
        .isEqualTo("rathaus-portal");
    assertThat(https.at("/spec/policyTypes").toString()).isEqualTo("[\"Egress\"]");
    Set<Integer> httpsPorts = new HashSet<>();
    https
        .at("/spec/egress")
        .forEach(rule -> rule.path("ports").forEach(p -> httpsPorts.add(p.path("port").asInt())));
    assertThat(httpsPorts).containsExactly(443);
  }

  @Test
  void tracingIsAnOptInThatOpensOnlyTheCollectorsPort() throws IOException {
    Path tracing = ROOT.resolve("components/tracing");
    List<Doc> docs = objectsIn(tracing);
    for (String name : List.of("rathaus-portal-tracing", "rathaus-keycloak-tracing")) {
      JsonNode policy = find(docs, "NetworkPolicy", name);
      assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Egress\"]");
      assertThat(policy.at("/spec/ingress").isMissingNode()).as(name).isTrue();
      Set<Integer> ports = new HashSet<>();
      policy
          .at("/spec/egress")
          .forEach(rule -> rule.path("ports").forEach(p -> ports.add(p.path("port").asInt())));
      assertThat(ports).as(name).containsExactly(4318);
    }
    JsonNode config = read(tracing.resolve("portal-tracing.yaml")).get(0);
    assertThat(config.at("/data/OTEL_EXPORTER_OTLP_ENDPOINT").asText()).startsWith("http");
    // off unless an overlay opts in: the base sets no endpoint
    assertThat(
            find(baseObjects(), "ConfigMap", "rathaus-portal")
                .at("/data")
                .has("OTEL_EXPORTER_OTLP_ENDPOINT"))
        .isFalse();
  }

  @Test
  void ingressIsTlsOnly() throws IOException {
    for (Doc doc : baseObjects()) {
      if (doc.kind().equals("Ingress")) {
        Set<String> tlsHosts = new HashSet<>();
        doc.node()
            .at("/spec/tls")
            .forEach(
                t -> {
                  assertThat(t.path("secretName").asText()).as(doc.name()).isNotEmpty();
                  t.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
                });
        doc.node()
            .at("/spec/rules")
            .forEach(r -> assertThat(tlsHosts).as(doc.name()).contains(r.path("host").asText()));
      }
    }
  }

  @Test
  void databaseAndKeycloakRunOnTheirOperators() throws IOException {
    JsonNode db = find(baseObjects(), "Cluster", "rathaus-db");
    assertThat(db.at("/spec/instances").asInt()).isEqualTo(3);
    assertThat(db.at("/spec/backup/barmanObjectStore/destinationPath").asText())
        .startsWith("s3://");
    assertThat(db.at("/spec/backup/barmanObjectStore/s3Credentials/accessKeyId/name").asText())
        .isNotEmpty();
    JsonNode keycloak = find(baseObjects(), "Keycloak", "rathaus-keycloak");
    assertThat(keycloak.at("/spec/instances").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(keycloak.at("/spec/db/host").asText()).isEqualTo("rathaus-db-rw");
    assertThat(keycloak.at("/spec/db/passwordSecret/name").asText()).isNotEmpty();
  }

  @Test
  void productionTakesEverySecretFromTheSecretStoreAndUsesHttps() throws IOException {
    List<Doc> production = objectsIn(ROOT.resolve("overlays/production"));
    Set<String> external = new HashSet<>();
    production.stream()
        .filter(d -> d.kind().equals("ExternalSecret"))
        .forEach(d -> external.add(d.name()));
    // Every Secret the base refers to by name comes from the store.
    String base = String.join("\n", readAll(ROOT.resolve("base")));
    for (String secret :
        List.of(
            "rathaus-portal",
            "rathaus-db-owner",
            "rathaus-db-app",
            "rathaus-db-keycloak",
            "rathaus-db-backup",
            "rathaus-keycloak-realm")) {
      assertThat(base).contains(secret);
      assertThat(external).as("ExternalSecret " + secret).contains(secret);
    }
    JsonNode portalSecret = find(production, "ExternalSecret", "rathaus-portal");
    assertThat(portalSecret.at("/spec/data").findValuesAsText("secretKey"))
        .contains("rathaus-master.p12", "RATHAUS_METRICS_TOKEN")
        .containsAll(eu.rathaus.platform.DemoValues.SECRETS.keySet());
    JsonNode config = read(ROOT.resolve("overlays/production/portal-production.yaml")).get(0);
    assertThat(config.at("/data/PORTAL_BASE_URL").asText()).startsWith("https://");
    assertThat(config.at("/data/OIDC_PROVIDER_URL").asText()).startsWith("https://");
    assertThat(config.at("/data").has("RATHAUS_MODE")).isFalse();
    assertThat(find(baseObjects(), "ConfigMap", "rathaus-portal").at("/data").has("RATHAUS_MODE"))
        .isFalse();
    assertThat(
            read(ROOT.resolve("overlays/demo/portal-demo.yaml"))
                .get(0)
                .at("/data/RATHAUS_MODE")
                .asText())
        .isEqualTo("demo");
  }

  @Test
  void productionKeepsEveryOutboundHostInsideItsResidencyPolicy() throws IOException {
    Map<String, String> settings = productionConfig();
    assertThat(settings).containsKey(eu.rathaus.platform.ResidencyPolicy.KEY);
    java.util.function.Function<String, java.util.Optional<String>> lookup =
        key -> java.util.Optional.ofNullable(settings.get(key));
    assertThat(eu.rathaus.platform.OutboundEndpoints.configured(lookup, lookup))
        .extracting(eu.rathaus.platform.OutboundEndpoints.Endpoint::purpose)
        .contains("database", "keycloak", "mail", "scanner", "payment", "register");
    assertThat(eu.rathaus.platform.ProductionCheck.residencyProblems(lookup, lookup)).isEmpty();
  }

  @Test
  void productionOverlayPassesTheProductionChecksWithTheSecretsItNames() throws IOException {
    // The portal's environment as the production overlay makes it: its settings, and every key of
    // its ExternalSecret (any value that is not a published demo value).
    Map<String, String> settings = productionConfig();
    find(objectsIn(ROOT.resolve("overlays/production")), "ExternalSecret", "rathaus-portal")
        .at("/spec/data")
        .findValuesAsText("secretKey")
        .forEach(key -> settings.put(key, "from-the-secret-store-" + key));
    // Behind the Ingress the visitor's address comes from X-Forwarded-For (per-address limits).
    assertThat(settings).containsEntry("RATHAUS_PROXY_ADDRESS_FORWARDING", "true");
    assertThat(settings)
        .containsKeys(
            "RATHAUS_API_RATE_PER_MINUTE",
            "RATHAUS_API_ANONYMOUS_RATE_PER_MINUTE",
            "RATHAUS_REGISTER_URL",
            "RATHAUS_REGISTER_CLIENT_SECRET");
    java.util.function.Function<String, java.util.Optional<String>> lookup =
        key -> java.util.Optional.ofNullable(settings.get(key));
    eu.rathaus.platform.ProductionCheck.Keycloak productionRealm =
        new eu.rathaus.platform.ProductionCheck.Keycloak() {
          @Override
          public List<String> demoUsers() {
            return List.of();
          }

          @Override
          public boolean acceptsSecret(String clientId, String secret) {
            return false;
          }
        };
    assertThat(eu.rathaus.platform.ProductionCheck.problems(lookup, lookup, productionRealm))
        .isEmpty();
    // Without the register service's secret the same overlay is refused, naming it.
    settings.remove("RATHAUS_REGISTER_CLIENT_SECRET");
    assertThat(eu.rathaus.platform.ProductionCheck.problems(lookup, lookup, productionRealm))
        .singleElement()
        .asString()
        .startsWith("RATHAUS_REGISTER_CLIENT_SECRET is not set");
  }

  /** The portal's settings as the production overlay makes them: the base ConfigMap, patched. */
  private static Map<String, String> productionConfig() throws IOException {
    Map<String, String> settings = new HashMap<>();
    find(baseObjects(), "ConfigMap", "rathaus-portal")
        .at("/data")
        .fields()
        .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
    read(ROOT.resolve("overlays/production/portal-production.yaml"))
        .get(0)
        .at("/data")
        .fields()
        .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
    return settings;
  }

  private static JsonNode find(List<Doc> docs, String kind, String name) {
    return docs.stream()
        .filter(d -> d.kind().equals(kind) && d.name().equals(name))
        .map(Doc::node)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  private static List<Doc> baseObjects() throws IOException {
    return objectsIn(ROOT.resolve("base"));
  }

  private static List<Doc> objects() throws IOException {
    return objectsIn(ROOT);
  }

  /**
   * Whole objects only: kustomizations and the overlays' partial patches are not objects of their
   * own.
   */
  private static List<Doc> objectsIn(Path dir) throws IOException {
    Set<Path> patches = patches();
    List<Doc> docs = new ArrayList<>();
    for (Path file : files()) {
      if (!file.startsWith(dir)
          || file.getFileName().toString().equals("kustomization.yaml")
          || patches.contains(file)) {
        continue;
      }
      for (JsonNode node : read(file)) {
        docs.add(new Doc(file, node));
      }
    }
    return docs;
  }

  private static Set<Path> patches() throws IOException {
    Set<Path> patches = new HashSet<>();
    for (Path file : files()) {
      if (file.getFileName().toString().equals("kustomization.yaml")) {
        read(file)
            .get(0)
            .path("patches")
            .forEach(p -> patches.add(file.getParent().resolve(p.path("path").asText())));
      }
    }
    return patches;
  }

  /** Every document of a YAML file (SafeConstructor: plain maps, lists and scalars only). */
  private static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (Object doc :
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
      if (doc != null) {
        nodes.add(JSON.valueToTree(doc));
      }
    }
    return nodes;
  }

  private static List<String> readAll(Path dir) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path file : files()) {
      if (file.startsWith(dir)) {
        texts.add(Files.readString(file));
      }
    }
    return texts;
  }
}
