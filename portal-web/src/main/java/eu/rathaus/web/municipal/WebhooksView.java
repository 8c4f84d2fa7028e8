package eu.rathaus.web.municipal;

import eu.rathaus.webhooks.application.WebhookSubscriptions;
import eu.rathaus.webhooks.domain.Delivery;
import eu.rathaus.webhooks.domain.Subscription;
import eu.rathaus.webhooks.domain.WebhookEventType;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Backing bean of {@code municipal/webhooks.xhtml} ("Webhooks"): the municipality's subscriptions
 * (URL, events; a new one's secret shown once, right after saving), "new secret" (rotation with a
 * grace period, the new secret shown once), unsubscribe, and the delivery log with "Erneut senden"
 * (replay). {@link WebhookSubscriptions} checks the input; problems show at their fields in German
 * or English and nothing is stored while any remains.
 */
@Named
@ViewScoped
public class WebhooksView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "subscribe:";

  @Inject WebhookSubscriptions webhooks;

  private String url;
  private boolean applicationSubmitted = true;
  private boolean caseStatusChanged;
  private boolean paymentSettled;
  private boolean messageReceived;
  private String newSecret;
  private UUID newSubscription;
  private boolean rotated;
  private List<Subscription> subscriptions;
  private List<Delivery> deliveries;

  /** "Abonnement speichern". */
  public void subscribe() {
    Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
    if (applicationSubmitted) {
      events.add(WebhookEventType.APPLICATION_SUBMITTED);
    }
    if (caseStatusChanged) {
      events.add(WebhookEventType.CASE_STATUS_CHANGED);
    }
    if (paymentSettled) {
      events.add(WebhookEventType.PAYMENT_SETTLED);
    }
    if (messageReceived) {
      events.add(WebhookEventType.MESSAGE_RECEIVED);
    }
    WebhookSubscriptions.Created created = webhooks.subscribe(url, events);
    if (!created.isCreated()) {
      ProblemTexts.error(null, ProblemTexts.text("webhooks.notSaved"));
      for (WebhookSubscriptions.FieldProblem p : created.problems()) {
        String input = "events".equals(p.field()) ? "ev-application-submitted" : p.field();
        ProblemTexts.error(FORM + input, ProblemTexts.text(p.key()));
      }
      newSecret = null;
      return;
    }
    newSecret = created.secret();
    newSubscription = created.subscriptionId();
    rotated = false;
    url = null;
    subscriptions = null;
    ProblemTexts.info(ProblemTexts.text("webhooks.saved"));
  }

  /**
   * "Neues Geheimnis" of one subscription: the new secret is shown once, the old one signs along
   * for the grace period.
   */
  public void rotate(UUID id) {
    WebhookSubscriptions.Created created = webhooks.rotateSecret(id);
    if (!created.isCreated()) {
      ProblemTexts.error(null, ProblemTexts.text(created.problems().get(0).key()));
      newSecret = null;
      return;
    }
    newSecret = created.secret();
    newSubscription = created.subscriptionId();
    rotated = true;
    ProblemTexts.info(ProblemTexts.text("webhooks.rotated", getGraceHours()));
  }

  /** The rotation's grace period in hours, for the texts. */
  public long getGraceHours() {
    return WebhookSubscriptions.grace().toHours();
  }

  /** Whether the secret shown is a rotated one (the old one still signs for a while). */
  public boolean isRotated() {
    return rotated;
  }

  /** "Abbestellen" of one subscription. */
  public void unsubscribe(UUID id) {
    if (webhooks.unsubscribe(id)) {
      ProblemTexts.info(ProblemTexts.text("webhooks.unsubscribed"));
    }
    newSecret = null;
    subscriptions = null;
  }

  /** "Erneut senden" of one delivery. */
  public void replay(UUID id) {
    if (webhooks.replay(id)) {
      ProblemTexts.info(ProblemTexts.text("webhooks.replayed"));
    } else {
      ProblemTexts.error(null, ProblemTexts.text("webhooks.notFound"));
    }
    deliveries = null;
  }

  public List<Subscription> getSubscriptions() {
    if (subscriptions == null) {
      subscriptions = webhooks.subscriptions();
    }
    return subscriptions;
  }

  public List<Delivery> getDeliveries() {
    if (deliveries == null) {
      deliveries = webhooks.deliveries();
    }
    return deliveries;
  }

  /** Reloads the log ("Aktualisieren"). */
  public void refresh() {
    deliveries = null;
    subscriptions = null;
    newSecret = null;
  }

  public String getNewSecret() {
    return newSecret;
  }

  public UUID getNewSubscription() {
    return newSubscription;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public boolean isApplicationSubmitted() {
    return applicationSubmitted;
  }

  public void setApplicationSubmitted(boolean applicationSubmitted) {
    this.applicationSubmitted = applicationSubmitted;
  }

  public boolean isCaseStatusChanged() {
    return caseStatusChanged;
  }

  public void setCaseStatusChanged(boolean caseStatusChanged) {
    this.caseStatusChanged = caseStatusChanged;
  }

  public boolean isPaymentSettled() {
    return paymentSettled;
  }

  public void setPaymentSettled(boolean paymentSettled) {
    this.paymentSettled = paymentSettled;
  }

  public boolean isMessageReceived() {
    return messageReceived;
  }

  public void setMessageReceived(boolean messageReceived) {
    this.messageReceived = messageReceived;
  }
}
