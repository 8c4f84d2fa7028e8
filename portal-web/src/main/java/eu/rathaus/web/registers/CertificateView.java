package eu.rathaus.web.registers;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.identity.LevelOfAssurance;
import eu.rathaus.registers.residents.application.CertificateDesk;
import eu.rathaus.registers.residents.domain.CertificateRules;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.web.catalogue.NotFound;
import eu.rathaus.web.session.LocaleSelection;
import eu.rathaus.web.session.SessionUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.UUID;

/**
 * Backing bean of {@code citizen/certificate.xhtml?application=<id>}: the Meldebescheinigung at
 * once. Asks the certificate desk for the citizen's application (issued now or before, the fee
 * still open, or with the register clerks) and shows the outcome: the code and the PDF link, the
 * way to pay, or why a clerk takes over. Not her application or no certificate service: 404.
 */
@Named
@RequestScoped
public class CertificateView {

  @Inject CertificateDesk desk;
  @Inject SessionUser sessionUser;
  @Inject LocaleSelection locale;

  private String application;
  private CertificateDesk.Outcome outcome;
  private boolean registerUnavailable;

  /** True if the register could not be read just now (an external register service is away). */
  public boolean isRegisterUnavailable() {
    return registerUnavailable;
  }

  /** View action. */
  public void load() {
    Optional<UUID> id = CertificateRequests.parse(application);
    Optional<CertificateDesk.Outcome> found;
    try {
      found = id.flatMap(a -> CertificateRequests.request(desk, sessionUser.getUser(), a, locale));
    } catch (RegisterUnavailable e) {
      // Nothing was written (the desk's transaction rolled back): asking again later works.
      java.util.logging.Logger.getLogger(CertificateView.class.getName())
          .log(java.util.logging.Level.WARNING, "Certificate not issued: {0}", e.getMessage());
      registerUnavailable = true;
      return;
    }
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    outcome = found.get();
  }

  public boolean isIssued() {
    return outcome != null && outcome.certificate().isPresent();
  }

  public String getDecision() {
    return outcome == null ? "" : outcome.decision().name();
  }

  public boolean isWithClerk() {
    return outcome != null && outcome.decision().goesToClerk();
  }

  public boolean isFeeOpen() {
    return outcome != null && outcome.decision() == CertificateRules.Decision.FEE_OPEN;
  }

  public String getCode() {
    return isIssued() ? outcome.certificate().get().code() : "";
  }

  public String getKind() {
    return isIssued() ? outcome.certificate().get().kind().name() : "";
  }

  public String getIssuedBy() {
    return isIssued() ? outcome.certificate().get().issuedBy() : "";
  }

  public String getIssuedAt() {
    return isIssued()
        ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale.getLocale())
            .format(outcome.certificate().get().issuedAt().atZone(CertificateDesk.ZONE))
        : "";
  }

  public String getVerifyPath() {
    return isIssued() ? "/verify?code=" + getCode() : "";
  }

  public String getApplication() {
    return application;
  }

  public void setApplication(String application) {
    this.application = application;
  }

  /** Shared by the page and the PDF download. */
  static final class CertificateRequests {
    private CertificateRequests() {}

    static Optional<UUID> parse(String value) {
      try {
        return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.strip()));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    static Optional<CertificateDesk.Outcome> request(
        CertificateDesk desk, CurrentUser user, UUID application, LocaleSelection locale) {
      if (user == null) {
        return Optional.empty();
      }
      return desk.request(
          application,
          user.username(),
          user.hasLevelOfAssurance(LevelOfAssurance.SUBSTANTIAL),
          locale.getLocale());
    }
  }
}
