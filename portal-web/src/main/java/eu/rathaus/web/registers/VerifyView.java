package eu.rathaus.web.registers;

import eu.rathaus.registers.residents.application.CertificateDesk;
import eu.rathaus.registers.residents.application.CertificateVerification;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * Backing bean of the public, stateless page {@code /verify?code=…} (served by {@code
 * verify.xhtml}): whether a certificate of residence with that code was issued, when, of which kind
 * and by whom — no personal data. Nothing is stored; no session is made.
 */
@Named
@RequestScoped
public class VerifyView {

  static final int CODE_MAX = 40;

  @Inject CertificateVerification verification;
  @Inject LocaleSelection locale;

  private String code;
  private Optional<CertificateDesk.Verification> result = Optional.empty();

  /** View action. */
  public void load() {
    if (code != null && code.length() > CODE_MAX) {
      code = code.substring(0, CODE_MAX);
    }
    result = code == null || code.isBlank() ? Optional.empty() : verification.verify(code);
  }

  public boolean isAsked() {
    return code != null && !code.isBlank();
  }

  public boolean isValid() {
    return result.isPresent();
  }

  public String getKind() {
    return result.map(r -> r.kind().name()).orElse("");
  }

  public String getMunicipality() {
    return result.map(CertificateDesk.Verification::municipality).orElse("");
  }

  public String getIssuedAt() {
    return result
        .map(
            r ->
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale.getLocale())
                    .format(r.issuedAt().atZone(CertificateDesk.ZONE)))
        .orElse("");
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
