package eu.rathaus.registers.residents.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The two certificates of residence (§ 18 BMG): the simple one states name, birth date and the
 * current residence(s); the extended one adds birth name and place, nationality and the former
 * addresses. The keys are the choices of the Meldebescheinigung form's {@code certificateType}.
 */
public enum CertificateKind {
  SIMPLE("simple"),
  EXTENDED("extended");

  private final String key;

  CertificateKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<CertificateKind> of(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String wanted = key.strip().toLowerCase(Locale.ROOT);
    for (CertificateKind kind : values()) {
      if (kind.key.equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
