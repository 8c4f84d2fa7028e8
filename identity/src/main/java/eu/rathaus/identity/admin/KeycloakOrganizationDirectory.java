package eu.rathaus.identity.admin;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * {@link OrganizationDirectory} on Keycloak's admin REST API, through the official admin client,
 * signed in as the realm's service-account client (client credentials; the client has only the
 * realm-management roles it needs).
 */
public class KeycloakOrganizationDirectory implements OrganizationDirectory, AutoCloseable {

  /** How long the password-setup link stays valid: three days, time enough for a town hall. */
  private static final int LINK_LIFESPAN_SECONDS = 3 * 24 * 3600;

  private static final int PAGE = 100;

  /** First-login flow of brokered staff (realm template): links or creates the account silently. */
  private static final String STAFF_FIRST_LOGIN_FLOW = "rathaus-staff-first-login";

  private final Keycloak keycloak;
  private final String realm;
  private final String portalClientId;

  public KeycloakOrganizationDirectory(AdminSettings settings) {
    this.realm = settings.realm();
    this.portalClientId = settings.portalClientId();
    this.keycloak = settings.adminClient();
  }

  private RealmResource realm() {
    return keycloak.realm(realm);
  }

  @Override
  public Optional<String> findOrganization(String alias) {
    // Keycloak's search matches names and domains, not aliases, so page through the organizations;
    // onboarding is rare and a country has at most some thousand municipalities.
    return call(
        "find organization " + alias,
        () -> {
          for (int first = 0; ; first += PAGE) {
            List<OrganizationRepresentation> page = realm().organizations().list(first, PAGE);
            Optional<String> found =
                page.stream()
                    .filter(o -> alias.equals(o.getAlias()))
                    .map(OrganizationRepresentation::getId)
                    .findFirst();
            if (found.isPresent() || page.size() < PAGE) {
              return found;
            }
          }
        });
  }

  @Override
  public String ensureOrganization(String alias, String name, String emailDomain) {
    Optional<String> existing = findOrganization(alias);
    if (existing.isPresent()) {
      return existing.get();
    }
    return call(
        "create organization " + alias,
        () -> {
          OrganizationRepresentation org = new OrganizationRepresentation();
          org.setAlias(alias);
          org.setName(name);
          org.setEnabled(true);
          OrganizationDomainRepresentation domain =
              new OrganizationDomainRepresentation(emailDomain);
          // The platform admin who onboards the municipality vouches for its mail domain; only
          // verified domains
          // let the municipality's directory sign anybody in (Keycloak guard
          // rathaus-organization-domain-guard).
          domain.setVerified(true);
          org.addDomain(domain);
          try (Response response = realm().organizations().create(org)) {
            return CreatedResponseUtil.getCreatedId(response);
          }
        });
  }

  @Override
  public String ensureMember(
      String organizationId, String email, String firstName, String lastName, String realmRole) {
    return call(
        "ensure member " + email,
        () -> {
          List<UserRepresentation> found = realm().users().searchByEmail(email, true);
          String userId;
          if (found.isEmpty()) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmailVerified(true);
            user.setEnabled(true);
            try (Response response = realm().users().create(user)) {
              userId = CreatedResponseUtil.getCreatedId(response);
            }
          } else {
            userId = found.get(0).getId();
          }
          RoleRepresentation role = realm().roles().get(realmRole).toRepresentation();
          boolean hasRole =
              realm().users().get(userId).roles().realmLevel().listEffective().stream()
                  .anyMatch(r -> realmRole.equals(r.getName()));
          if (!hasRole) {
            realm().users().get(userId).roles().realmLevel().add(List.of(role));
          }
          OrganizationResource org = realm().organizations().get(organizationId);
          boolean member =
              org.members().search(email, true, 0, 10).stream()
                  .anyMatch(m -> userId.equals(m.getId()));
          if (!member) {
            try (Response response = org.members().addMember(userId)) {
              if (response.getStatus() >= 300 && response.getStatus() != 409) {
                throw new WebApplicationException(
                    "adding member answered " + response.getStatus(), response.getStatus());
              }
            }
          }
          return userId;
        });
  }

  @Override
  public void sendPasswordSetupMail(String accountId, String redirectUri) {
    call(
        "send password setup mail",
        () -> {
          realm()
              .users()
              .get(accountId)
              .executeActionsEmail(
                  portalClientId, redirectUri, LINK_LIFESPAN_SECONDS, List.of("UPDATE_PASSWORD"));
          return null;
        });
  }

  @Override
  public void ensureIdentityProvider(
      String organizationId,
      String alias,
      String discoveryUrl,
      String clientId,
      String clientSecret,
      String emailDomain) {
    call(
        "link identity provider " + alias,
        () -> {
          boolean exists =
              realm().identityProviders().findAll().stream()
                  .anyMatch(i -> alias.equals(i.getAlias()));
          if (!exists) {
            Map<String, String> imported =
                realm()
                    .identityProviders()
                    .importFrom(
                        Map.<String, Object>of("providerId", "oidc", "fromUrl", discoveryUrl));
            IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
            idp.setAlias(alias);
            idp.setDisplayName(alias);
            idp.setProviderId("oidc");
            idp.setEnabled(true);
            idp.setTrustEmail(false);
            idp.setHideOnLogin(true);
            idp.setFirstBrokerLoginFlowAlias(STAFF_FIRST_LOGIN_FLOW);
            Map<String, String> config = new HashMap<>(imported);
            config.put("clientId", clientId);
            config.put("clientSecret", clientSecret);
            config.put("clientAuthMethod", "client_secret_post");
            config.put("defaultScope", "openid profile email");
            config.put("syncMode", "FORCE");
            config.put("pkceEnabled", "true");
            config.put("pkceMethod", "S256");
            config.put("loginHint", "true");
            config.put("kc.org.domain", emailDomain);
            config.put("kc.org.broker.redirect.mode.email-matches", "true");
            idp.setConfig(config);
            try (Response response = realm().identityProviders().create(idp)) {
              if (response.getStatus() >= 300 && response.getStatus() != 409) {
                throw new WebApplicationException(
                    "creating the identity provider answered " + response.getStatus(),
                    response.getStatus());
              }
            }
            addRoleMapper(alias, "rathaus-sachbearbeitung", "clerk");
            addRoleMapper(alias, "rathaus-verwaltung", "municipal-admin");
            addRoleMapper(alias, "rathaus-meldewesen", "register-clerk");
            addRoleMapper(alias, "rathaus-datenschutz", "data-protection");
          }
          if (!identityProviderAliases(organizationId).contains(alias)) {
            try (Response response =
                realm()
                    .organizations()
                    .get(organizationId)
                    .identityProviders()
                    .addIdentityProvider(alias)) {
              if (response.getStatus() >= 300 && response.getStatus() != 409) {
                throw new WebApplicationException(
                    "linking the identity provider answered " + response.getStatus(),
                    response.getStatus());
              }
            }
          }
          return null;
        });
  }

  private void addRoleMapper(String alias, String claimValue, String role) {
    IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
    mapper.setName(role + " from directory role");
    mapper.setIdentityProviderAlias(alias);
    mapper.setIdentityProviderMapper("oidc-role-idp-mapper");
    mapper.setConfig(
        Map.of(
            "syncMode",
            "FORCE",
            "claim",
            "rathaus_roles",
            "claim.value",
            claimValue,
            "role",
            role));
    try (Response response = realm().identityProviders().get(alias).addMapper(mapper)) {
      if (response.getStatus() >= 300) {
        throw new WebApplicationException(
            "adding the role mapper answered " + response.getStatus(), response.getStatus());
      }
    }
  }

  @Override
  public List<String> identityProviderAliases(String organizationId) {
    return call(
        "list identity providers",
        () ->
            realm()
                .organizations()
                .get(organizationId)
                .identityProviders()
                .getIdentityProviders()
                .stream()
                .map(IdentityProviderRepresentation::getAlias)
                .toList());
  }

  @Override
  public void setOrganizationEnabled(String organizationId, boolean enabled) {
    call(
        "enable organization",
        () -> {
          OrganizationResource org = realm().organizations().get(organizationId);
          OrganizationRepresentation representation = org.toRepresentation();
          representation.setEnabled(enabled);
          try (Response response = org.update(representation)) {
            if (response.getStatus() >= 300) {
              throw new WebApplicationException(
                  "update answered " + response.getStatus(), response.getStatus());
            }
          }
          return null;
        });
  }

  @Override
  public Optional<OrganizationDescription> describeOrganization(String alias) {
    Optional<String> id = findOrganization(alias);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        call(
            "describe organization " + alias,
            () -> {
              OrganizationResource org = realm().organizations().get(id.get());
              OrganizationRepresentation o = org.toRepresentation();
              List<OrganizationDescription.Domain> domains = new ArrayList<>();
              if (o.getDomains() != null) {
                o.getDomains()
                    .forEach(
                        d ->
                            domains.add(
                                new OrganizationDescription.Domain(
                                    d.getName(), Boolean.TRUE.equals(d.isVerified()))));
              }
              List<OrganizationDescription.IdentityProvider> idps = new ArrayList<>();
              for (IdentityProviderRepresentation linked :
                  org.identityProviders().getIdentityProviders()) {
                IdentityProviderRepresentation i =
                    realm().identityProviders().get(linked.getAlias()).toRepresentation();
                List<OrganizationDescription.Mapper> mappers = new ArrayList<>();
                for (IdentityProviderMapperRepresentation m :
                    realm().identityProviders().get(i.getAlias()).getMappers()) {
                  mappers.add(
                      new OrganizationDescription.Mapper(
                          m.getName(),
                          m.getIdentityProviderMapper(),
                          m.getConfig() == null ? Map.of() : m.getConfig()));
                }
                idps.add(
                    new OrganizationDescription.IdentityProvider(
                        i.getAlias(),
                        i.getProviderId(),
                        i.getDisplayName(),
                        i.isEnabled(),
                        Boolean.TRUE.equals(i.isHideOnLogin()),
                        i.getFirstBrokerLoginFlowAlias(),
                        i.getConfig() == null ? Map.of() : i.getConfig(),
                        mappers));
              }
              return new OrganizationDescription(
                  o.getAlias(),
                  o.getName(),
                  o.getDescription(),
                  o.isEnabled(),
                  domains,
                  o.getAttributes() == null ? Map.of() : o.getAttributes(),
                  idps);
            }));
  }

  @Override
  public String applyOrganization(OrganizationDescription description) {
    Optional<String> existing = findOrganization(description.alias());
    return call(
        "apply organization " + description.alias(),
        () -> {
          String id;
          if (existing.isEmpty()) {
            OrganizationRepresentation created =
                describedAs(new OrganizationRepresentation(), description);
            created.setAlias(description.alias());
            try (Response response = realm().organizations().create(created)) {
              id = CreatedResponseUtil.getCreatedId(response);
            }
          } else {
            id = existing.get();
          }
          OrganizationResource org = realm().organizations().get(id);
          try (Response response = org.update(describedAs(org.toRepresentation(), description))) {
            if (response.getStatus() >= 300) {
              throw new WebApplicationException(
                  "update answered " + response.getStatus(), response.getStatus());
            }
          }
          for (OrganizationDescription.IdentityProvider i : description.identityProviders()) {
            boolean exists =
                realm().identityProviders().findAll().stream()
                    .anyMatch(x -> i.alias().equals(x.getAlias()));
            IdentityProviderRepresentation idp =
                exists
                    ? realm().identityProviders().get(i.alias()).toRepresentation()
                    : new IdentityProviderRepresentation();
            idp.setAlias(i.alias());
            idp.setProviderId(i.providerId());
            idp.setDisplayName(i.displayName());
            // Without its secret the provider cannot sign anyone in: off until it is re-entered.
            idp.setEnabled(exists && idp.isEnabled());
            idp.setHideOnLogin(i.hideOnLogin());
            idp.setFirstBrokerLoginFlowAlias(i.firstBrokerLoginFlowAlias());
            Map<String, String> config =
                new HashMap<>(exists && idp.getConfig() != null ? idp.getConfig() : Map.of());
            config.putAll(i.config());
            idp.setConfig(config);
            if (exists) {
              realm().identityProviders().get(i.alias()).update(idp);
            } else {
              try (Response response = realm().identityProviders().create(idp)) {
                if (response.getStatus() >= 300) {
                  throw new WebApplicationException(
                      "creating the identity provider answered " + response.getStatus(),
                      response.getStatus());
                }
              }
            }
            List<String> mapperNames =
                realm().identityProviders().get(i.alias()).getMappers().stream()
                    .map(IdentityProviderMapperRepresentation::getName)
                    .toList();
            for (OrganizationDescription.Mapper m : i.mappers()) {
              if (mapperNames.contains(m.name())) {
                continue;
              }
              IdentityProviderMapperRepresentation mapper =
                  new IdentityProviderMapperRepresentation();
              mapper.setName(m.name());
              mapper.setIdentityProviderAlias(i.alias());
              mapper.setIdentityProviderMapper(m.type());
              mapper.setConfig(new HashMap<>(m.config()));
              try (Response response =
                  realm().identityProviders().get(i.alias()).addMapper(mapper)) {
                if (response.getStatus() >= 300) {
                  throw new WebApplicationException(
                      "adding the role mapper answered " + response.getStatus(),
                      response.getStatus());
                }
              }
            }
            if (!identityProviderAliases(id).contains(i.alias())) {
              try (Response response = org.identityProviders().addIdentityProvider(i.alias())) {
                if (response.getStatus() >= 300 && response.getStatus() != 409) {
                  throw new WebApplicationException(
                      "linking the identity provider answered " + response.getStatus(),
                      response.getStatus());
                }
              }
            }
          }
          return id;
        });
  }

  private static OrganizationRepresentation describedAs(
      OrganizationRepresentation o, OrganizationDescription description) {
    o.setName(description.name());
    o.setDescription(description.description());
    o.setEnabled(description.enabled());
    o.setAttributes(new HashMap<>(description.attributes()));
    if (o.getDomains() != null) {
      for (OrganizationDomainRepresentation old : new ArrayList<>(o.getDomains())) {
        o.removeDomain(old);
      }
    }
    for (OrganizationDescription.Domain d : description.domains()) {
      OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation(d.name());
      domain.setVerified(d.verified());
      o.addDomain(domain);
    }
    return o;
  }

  private <T> T call(String what, java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ProcessingException | WebApplicationException e) {
      throw new DirectoryException("Keycloak: " + what + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    keycloak.close();
  }
}
