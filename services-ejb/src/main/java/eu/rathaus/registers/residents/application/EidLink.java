package eu.rathaus.registers.residents.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * The eID pseudonym of the citizen acting in this request (the user name the eID broker gives,
 * {@code eid.<stable subject>}), set by the web layer before it submits an application: the tenant
 * scope carries only the portal subject, but a change of address must name the register record.
 */
@RequestScoped
public class EidLink {

  private String pseudonym;

  public void set(String eidPseudonym) {
    this.pseudonym = eidPseudonym == null || eidPseudonym.isBlank() ? null : eidPseudonym;
  }

  public String pseudonym() {
    return pseudonym;
  }
}
