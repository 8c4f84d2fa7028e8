package eu.rathaus.keycloak;

import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;

/**
 * First broker login of a municipality's directory: lets through only an address in one of the
 * <em>verified</em> domains of the Organization the identity provider is linked to. A directory is
 * trusted for its own domains, never for anybody else's address (the platform admin's, another
 * municipality's clerk's, a citizen's). An identity provider that is not linked to an enabled
 * Organization is refused altogether: a staff flow without a municipality is a configuration error,
 * and failing closed is the safe side.
 */
public final class OrganizationDomainGuard extends FirstLoginGuard {

  static final String ID = "rathaus-organization-domain-guard";

  @Override
  protected void authenticateImpl(
      AuthenticationFlowContext context,
      SerializedBrokeredIdentityContext serialized,
      BrokeredIdentityContext brokered) {
    OrganizationModel organization = organizationOf(context.getSession(), brokered.getIdpConfig());
    if (organization == null) {
      refuse(
          context,
          brokered,
          ID,
          "identity_provider_without_organization",
          "rathausIdpWithoutOrganization");
      return;
    }
    List<String> verified =
        organization
            .getDomains()
            .filter(OrganizationDomainModel::isVerified)
            .map(OrganizationDomainModel::getName)
            .toList();
    if (!EmailDomains.isIn(brokered.getEmail(), verified)) {
      refuse(
          context,
          brokered,
          ID,
          "email_outside_organization_domains",
          "rathausEmailOutsideMunicipality",
          organization.getName(),
          String.join(", ", verified));
      return;
    }
    context.success();
  }
}
