package eu.rathaus.web.municipal;

import eu.rathaus.handoff.application.HandoffDestinations;
import eu.rathaus.web.catalogue.NotFound;
import eu.rathaus.webhooks.application.WebhookSubscriptions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Backing bean of {@code municipal/destination.xhtml} ("Weitergabe an ein Fachverfahren"): where a
 * service's applications go — the back office in Rathaus (default) or a specialist procedure with
 * its endpoint and two public keys (JWK). {@link HandoffDestinations} checks the input; problems
 * show at their fields in German or English, nothing is stored while any remains. After saving, the
 * destination's client id and its new secret are shown once.
 */
@Named
@ViewScoped
public class DestinationView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "destination:";

  @Inject HandoffDestinations destinations;
  @Inject WebhookSubscriptions webhooks;

  private String definition;
  private UUID definitionId;
  private HandoffDestinations.Setting setting;
  private String endpoint;
  private String encryptionKey;
  private String signatureKey;
  private HandoffDestinations.Saved saved;
  private String pushSecret;

  public void init() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    try {
      definitionId = UUID.fromString(definition == null ? "" : definition);
    } catch (IllegalArgumentException e) {
      NotFound.send();
      return;
    }
    Optional<HandoffDestinations.Setting> found = destinations.of(definitionId);
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    setting = found.get();
    endpoint = setting.endpoint();
    encryptionKey = setting.encryptionJwk();
    signatureKey = setting.signatureJwk();
  }

  /** "Fachverfahren speichern". */
  public void save() {
    HandoffDestinations.Saved outcome;
    try {
      outcome = destinations.useProcedure(definitionId, endpoint, encryptionKey, signatureKey);
    } catch (NoSuchElementException e) {
      ProblemTexts.error(null, ProblemTexts.text("handoff.notFound"));
      return;
    }
    if (!outcome.isSaved()) {
      ProblemTexts.error(null, ProblemTexts.text("handoff.notSaved"));
      for (HandoffDestinations.FieldProblem p : outcome.problems()) {
        ProblemTexts.error(p.field() == null ? null : FORM + p.field(), ProblemTexts.text(p.key()));
      }
      return;
    }
    saved = outcome;
    setting = destinations.of(definitionId).orElse(setting);
    ProblemTexts.info(ProblemTexts.text("handoff.saved"));
  }

  /** "Zurück zum Backoffice in Rathaus". */
  public void useBackOffice() {
    if (destinations.useBackOffice(definitionId)) {
      ProblemTexts.info(ProblemTexts.text("handoff.backOffice.done"));
    }
    saved = null;
    setting = destinations.of(definitionId).orElse(setting);
  }

  /** "Push-Zustellung einschalten": sealed submissions are also posted to the endpoint. */
  public void startPush() {
    UUID destination = setting == null ? null : setting.destinationId();
    if (destination == null || !isExternal()) {
      return;
    }
    WebhookSubscriptions.Created created = webhooks.pushTo(destination, setting.endpoint());
    if (!created.isCreated()) {
      created.problems().forEach(p -> ProblemTexts.error(null, ProblemTexts.text(p.key())));
      return;
    }
    saved = null;
    pushSecret = created.secret();
    ProblemTexts.info(ProblemTexts.text("handoff.push.on"));
  }

  /**
   * "Neues Signaturgeheimnis": the push channel signs with a new secret, the old one signs along
   * for the grace period.
   */
  public void rotatePush() {
    if (setting == null || !isExternal()) {
      return;
    }
    WebhookSubscriptions.Created rotated = webhooks.rotatePushSecret(setting.destinationId());
    if (!rotated.isCreated()) {
      rotated.problems().forEach(p -> ProblemTexts.error(null, ProblemTexts.text(p.key())));
      return;
    }
    pushSecret = rotated.secret();
    ProblemTexts.info(
        ProblemTexts.text("handoff.push.rotated", WebhookSubscriptions.grace().toHours()));
  }

  /** "Push-Zustellung ausschalten". */
  public void stopPush() {
    if (setting != null && webhooks.stopPush(setting.destinationId())) {
      ProblemTexts.info(ProblemTexts.text("handoff.push.off"));
    }
    pushSecret = null;
  }

  public boolean isPushing() {
    return isExternal() && webhooks.pushes(setting.destinationId());
  }

  public String getPushSecret() {
    return pushSecret;
  }

  public String getDefinition() {
    return definition;
  }

  public void setDefinition(String definition) {
    this.definition = definition;
  }

  public HandoffDestinations.Setting getSetting() {
    return setting;
  }

  public String getServiceTitle() {
    return setting == null ? "" : setting.titleDe();
  }

  public boolean isExternal() {
    return setting != null && setting.external();
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getEncryptionKey() {
    return encryptionKey;
  }

  public void setEncryptionKey(String encryptionKey) {
    this.encryptionKey = encryptionKey;
  }

  public String getSignatureKey() {
    return signatureKey;
  }

  public void setSignatureKey(String signatureKey) {
    this.signatureKey = signatureKey;
  }

  public boolean isSecretShown() {
    return saved != null && saved.isSaved();
  }

  public String getClientId() {
    return saved != null ? saved.clientId() : setting == null ? null : setting.clientId();
  }

  public String getClientSecret() {
    return saved == null ? null : saved.clientSecret();
  }

  public String getDestinationId() {
    return saved != null
        ? saved.destinationId().toString()
        : setting == null || setting.destinationId() == null
            ? null
            : setting.destinationId().toString();
  }
}
