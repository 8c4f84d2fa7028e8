package eu.rathaus.web.municipal;

import eu.rathaus.apiclients.application.ApiClients;
import eu.rathaus.apiclients.domain.ApiClient;
import eu.rathaus.apiclients.domain.ApiScope;
import eu.rathaus.web.session.PortalUrls;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Backing bean of {@code municipal/api-clients.xhtml} ("API-Zugänge"): the municipality's API
 * clients; create one with its scopes, redirect URIs and rate limit; a new secret; disable, enable,
 * delete. The secret is shown once, right after it was issued, and kept only in this view.
 */
@Named
@ViewScoped
public class ApiClientsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "create:";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Berlin"));

  @Inject ApiClients clients;

  private String name;
  private boolean publicRead = true;
  private boolean submission;
  private String redirectUris;
  private String rate;
  private ApiClient issuedFor;
  private String issuedSecret;
  private List<ApiClient> list;
  private final Map<String, String> rates = new HashMap<>();

  /** One row of the table. */
  public record Row(
      String id,
      String name,
      String clientId,
      String scopes,
      boolean enabled,
      String secretIssuedAt)
      implements Serializable {}

  public List<Row> getClients() {
    if (list == null) {
      list = clients.list();
      rates.clear();
      list.forEach(
          c ->
              rates.put(
                  c.id().toString(),
                  c.ratePerMinute() == null ? "" : String.valueOf(c.ratePerMinute())));
    }
    return list.stream()
        .map(
            c ->
                new Row(
                    c.id().toString(),
                    c.name(),
                    c.clientId(),
                    scopesText(c.scopes()),
                    c.enabled(),
                    c.secretIssuedAt() == null ? "" : WHEN.format(c.secretIssuedAt())))
        .toList();
  }

  private static String scopesText(Set<ApiScope> scopes) {
    return String.join(
        ", ",
        scopes.stream()
            .sorted()
            .map(s -> ProblemTexts.text("apiclients.scope." + s.code()))
            .toList());
  }

  /** "Zugang anlegen". */
  public void create() {
    Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
    if (publicRead) {
      chosen.add(ApiScope.PUBLIC_READ);
    }
    if (submission) {
      chosen.add(ApiScope.SUBMISSION);
    }
    ApiClients.Issued outcome = clients.create(name, chosen, redirectUris, rate);
    if (!outcome.isIssued()) {
      ProblemTexts.error(null, ProblemTexts.text("apiclients.notSaved"));
      for (ApiClients.FieldProblem p : outcome.problems()) {
        String field = "scopes".equals(p.field()) ? "publicRead" : p.field();
        ProblemTexts.error(field == null ? null : FORM + field, ProblemTexts.text(p.key()));
      }
      return;
    }
    shown(outcome);
    name = null;
    redirectUris = null;
    rate = null;
    ProblemTexts.info(ProblemTexts.text("apiclients.created"));
  }

  /** "Neues Geheimnis". */
  public void rotate(String id) {
    ApiClients.Issued outcome = clients.rotateSecret(uuid(id));
    if (!outcome.isIssued()) {
      ProblemTexts.error(null, ProblemTexts.text(outcome.problems().get(0).key()));
      return;
    }
    shown(outcome);
    ProblemTexts.info(ProblemTexts.text("apiclients.rotated"));
  }

  /** "Limit ändern" of a row: its field's number, or empty for the installation's default. */
  public void changeRate(String id) {
    if (clients.setRate(uuid(id), rates.get(id))) {
      ProblemTexts.info(ProblemTexts.text("apiclients.rate.changed"));
    } else {
      ProblemTexts.error(null, ProblemTexts.text("apiclients.rate.invalid"));
    }
    list = null;
  }

  public Map<String, String> getRates() {
    return rates;
  }

  public void disable(String id) {
    changed(clients.setEnabled(uuid(id), false), "apiclients.disabled");
  }

  public void enable(String id) {
    changed(clients.setEnabled(uuid(id), true), "apiclients.enabled");
  }

  public void delete(String id) {
    if (issuedFor != null && issuedFor.id().equals(uuid(id))) {
      hideSecret();
    }
    changed(clients.delete(uuid(id)), "apiclients.deleted");
  }

  private void changed(boolean done, String key) {
    if (done) {
      ProblemTexts.info(ProblemTexts.text(key));
    } else {
      ProblemTexts.error(null, ProblemTexts.text("apiclients.notChanged"));
    }
    list = null;
  }

  private void shown(ApiClients.Issued outcome) {
    issuedFor = outcome.client();
    issuedSecret = outcome.secret();
    list = null;
  }

  private void hideSecret() {
    issuedFor = null;
    issuedSecret = null;
  }

  private static UUID uuid(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean isSecretShown() {
    return issuedSecret != null;
  }

  public String getIssuedClientId() {
    return issuedFor == null ? null : issuedFor.clientId();
  }

  public String getIssuedSecret() {
    return issuedSecret;
  }

  /** Where a client gets its tokens. */
  public String getTokenEndpoint() {
    return PortalUrls.oidcProviderUrl() + "/protocol/openid-connect/token";
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isPublicRead() {
    return publicRead;
  }

  public void setPublicRead(boolean publicRead) {
    this.publicRead = publicRead;
  }

  public boolean isSubmission() {
    return submission;
  }

  public void setSubmission(boolean submission) {
    this.submission = submission;
  }

  public String getRedirectUris() {
    return redirectUris;
  }

  public void setRedirectUris(String redirectUris) {
    this.redirectUris = redirectUris;
  }

  public String getRate() {
    return rate;
  }

  public void setRate(String rate) {
    this.rate = rate;
  }
}
