package eu.rathaus.identity.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A municipality's Keycloak organization as it moves with the municipality to another installation
 * (issue 15): name, alias, domains, attributes and the linked identity providers with their
 * settings and role mappers — but never a secret. {@link #asMap()} / {@link #fromMap(Map)} give its
 * JSON form in the export archive ({@code identity/organization.json}).
 */
public record OrganizationDescription(
    String alias,
    String name,
    String description,
    boolean enabled,
    List<Domain> domains,
    Map<String, List<String>> attributes,
    List<IdentityProvider> identityProviders) {

  public OrganizationDescription {
    domains = List.copyOf(domains);
    attributes = Map.copyOf(attributes);
    identityProviders = List.copyOf(identityProviders);
  }

  /** An e-mail domain of the organization. */
  public record Domain(String name, boolean verified) {}

  /** A role mapper of an identity provider. */
  public record Mapper(String name, String type, Map<String, String> config) {
    public Mapper {
      Map<String, String> kept = new LinkedHashMap<>();
      config.forEach(
          (k, v) -> {
            if (v != null) {
              kept.put(k, v);
            }
          });
      config = Map.copyOf(kept);
    }
  }

  /** A linked identity provider, its configuration without secrets. */
  public record IdentityProvider(
      String alias,
      String providerId,
      String displayName,
      boolean enabled,
      boolean hideOnLogin,
      String firstBrokerLoginFlowAlias,
      Map<String, String> config,
      List<Mapper> mappers) {
    public IdentityProvider {
      config = withoutSecrets(config);
      mappers = List.copyOf(mappers);
    }
  }

  /** Configuration keys that hold a secret: never exported, re-entered on the target. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("secret") || k.contains("password") || k.contains("privatekey");
  }

  static Map<String, String> withoutSecrets(Map<String, String> config) {
    Map<String, String> kept = new LinkedHashMap<>();
    config.forEach(
        (k, v) -> {
          if (!isSecret(k) && v != null) {
            kept.put(k, v);
          }
        });
    return Map.copyOf(kept);
  }

  /** The JSON-ready form (maps, lists, strings, booleans). */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alias", alias);
    m.put("name", name);
    m.put("description", description);
    m.put("enabled", enabled);
    List<Object> ds = new ArrayList<>();
    domains.forEach(d -> ds.add(Map.of("name", d.name(), "verified", d.verified())));
    m.put("domains", ds);
    m.put("attributes", attributes);
    List<Object> idps = new ArrayList<>();
    for (IdentityProvider i : identityProviders) {
      Map<String, Object> idp = new LinkedHashMap<>();
      idp.put("alias", i.alias());
      idp.put("providerId", i.providerId());
      idp.put("displayName", i.displayName());
      idp.put("enabled", i.enabled());
      idp.put("hideOnLogin", i.hideOnLogin());
      idp.put("firstBrokerLoginFlowAlias", i.firstBrokerLoginFlowAlias());
      idp.put("config", i.config());
      List<Object> mappers = new ArrayList<>();
      i.mappers()
          .forEach(
              x -> mappers.add(Map.of("name", x.name(), "type", x.type(), "config", x.config())));
      idp.put("mappers", mappers);
      idps.add(idp);
    }
    m.put("identityProviders", idps);
    return m;
  }

  /** Reads {@link #asMap()}'s form back; secrets in it, if any, are dropped. */
  @SuppressWarnings("unchecked")
  public static OrganizationDescription fromMap(Map<String, Object> m) {
    List<Domain> domains = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("domains", List.of())) {
      Map<String, Object> d = (Map<String, Object>) o;
      domains.add(new Domain((String) d.get("name"), Boolean.TRUE.equals(d.get("verified"))));
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    ((Map<String, Object>) m.getOrDefault("attributes", Map.of()))
        .forEach(
            (k, v) -> attributes.put(k, ((List<Object>) v).stream().map(String::valueOf).toList()));
    List<IdentityProvider> idps = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("identityProviders", List.of())) {
      Map<String, Object> i = (Map<String, Object>) o;
      List<Mapper> mappers = new ArrayList<>();
      for (Object x : (List<Object>) i.getOrDefault("mappers", List.of())) {
        Map<String, Object> mapper = (Map<String, Object>) x;
        mappers.add(
            new Mapper(
                (String) mapper.get("name"),
                (String) mapper.get("type"),
                strings((Map<String, Object>) mapper.getOrDefault("config", Map.of()))));
      }
      idps.add(
          new IdentityProvider(
              (String) i.get("alias"),
              (String) i.get("providerId"),
              (String) i.get("displayName"),
              Boolean.TRUE.equals(i.get("enabled")),
              Boolean.TRUE.equals(i.get("hideOnLogin")),
              (String) i.get("firstBrokerLoginFlowAlias"),
              strings((Map<String, Object>) i.getOrDefault("config", Map.of())),
              mappers));
    }
    return new OrganizationDescription(
        (String) m.get("alias"),
        (String) m.get("name"),
        (String) m.get("description"),
        Boolean.TRUE.equals(m.get("enabled")),
        domains,
        attributes,
        idps);
  }

  private static Map<String, String> strings(Map<String, Object> m) {
    Map<String, String> s = new LinkedHashMap<>();
    m.forEach((k, v) -> s.put(k, v == null ? null : String.valueOf(v)));
    return s;
  }
}
