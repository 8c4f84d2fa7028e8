package eu.rathaus.registers.residents.application;

import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.registers.residents.domain.CertificateKind;
import eu.rathaus.registers.residents.domain.VerificationCode;
import eu.rathaus.registers.residents.infrastructure.CertificateSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The public check of a certificate's code: anyone, without signing in, learns whether a
 * certificate with that code was issued, when, of which kind and by which municipality — nothing
 * about the person (V51's {@code certificate_verification}).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CertificateVerification {

  @Inject CertificateSql sql;

  /** Empty when the text is no code or no certificate has it. */
  public Optional<CertificateDesk.Verification> verify(String code) {
    return VerificationCode.normalize(code)
        .flatMap(sql::verification)
        .map(
            v ->
                new CertificateDesk.Verification(
                    v.issuedAt(), CertificateKind.valueOf(v.kind()), v.municipality()));
  }
}
