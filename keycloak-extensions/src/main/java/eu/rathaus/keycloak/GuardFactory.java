package eu.rathaus.keycloak;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Factory shape shared by the guards: stateless, not configurable, usable as REQUIRED or
 * ALTERNATIVE step of a first broker login flow. Each subclass names one guard; they are listed in
 * {@code META-INF/services/org.keycloak.authentication.AuthenticatorFactory}.
 */
public abstract class GuardFactory implements AuthenticatorFactory {

  private final String id;
  private final String displayType;
  private final String helpText;
  private final Authenticator authenticator;

  protected GuardFactory(
      String id, String displayType, String helpText, Authenticator authenticator) {
    this.id = id;
    this.displayType = displayType;
    this.helpText = helpText;
    this.authenticator = authenticator;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getDisplayType() {
    return displayType;
  }

  @Override
  public String getHelpText() {
    return helpText;
  }

  @Override
  public String getReferenceCategory() {
    return null;
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return authenticator;
  }

  @Override
  public void init(Config.Scope config) {
    // nothing to configure
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // nothing to prepare
  }

  @Override
  public void close() {
    // stateless
  }

  /** {@link OrganizationDomainGuard}. */
  public static final class OrganizationDomain extends GuardFactory {
    public OrganizationDomain() {
      super(
          OrganizationDomainGuard.ID,
          "Rathaus: e-mail in the organization's verified domains",
          "Refuses a brokered first login whose e-mail is not in a verified domain of the Organization the "
              + "identity provider is linked to.",
          new OrganizationDomainGuard());
    }
  }

  /** {@link ExistingAccountGuard}. */
  public static final class ExistingAccount extends GuardFactory {
    public ExistingAccount() {
      super(
          ExistingAccountGuard.ID,
          "Rathaus: existing account belongs to the organization",
          "Refuses linking an existing account that is not a member of the identity provider's Organization "
              + "or that holds platform-admin.",
          new ExistingAccountGuard());
    }
  }

  /** {@link SameSubjectLink}. */
  public static final class SameSubject extends GuardFactory {
    public SameSubject() {
      super(
          SameSubjectLink.ID,
          "Rathaus: link only the same issuer and subject",
          "Sets the existing account only when it is already linked to the same issuer with the same "
              + "subject; refuses otherwise.",
          new SameSubjectLink());
    }
  }
}
