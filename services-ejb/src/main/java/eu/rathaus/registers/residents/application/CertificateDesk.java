package eu.rathaus.registers.residents.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.payments.application.PaymentSummary;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.registers.residents.domain.CertificateKind;
import eu.rathaus.registers.residents.domain.CertificateRules;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.VerificationCode;
import eu.rathaus.registers.residents.infrastructure.CertificateSql;
import eu.rathaus.tenancy.application.PortalAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Meldebescheinigung at once: for the citizen's own application of the certificate service,
 * once its fee is settled, the certificate is made from her own register record (the one linked to
 * her eID pseudonym) — a PDF with verification code and QR code — stored as issued and returned,
 * without a clerk. A blocked record, no record or no current main residence leave the application
 * with the register clerks (its case is in their inbox) and say so. Issuing is idempotent: the
 * second request returns the certificate of the first. Every register read and every issue is
 * audited in the municipality's chain.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CertificateDesk {

  /** Service keys of the certificate service (the demo template; a municipality's own key). */
  public static final Set<String> SERVICE_KEYS = Set.of("demo.meldebescheinigung");

  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** A certificate as issued. */
  public record Issued(
      UUID id, String code, CertificateKind kind, Instant issuedAt, String issuedBy, byte[] pdf)
      implements Serializable {
    public String fileName() {
      return "Meldebescheinigung-" + code + ".pdf";
    }
  }

  /** What became of a request: the decision and, if issued, the certificate. */
  public record Outcome(CertificateRules.Decision decision, Optional<Issued> certificate)
      implements Serializable {
    static Outcome of(CertificateRules.Decision decision) {
      return new Outcome(decision, Optional.empty());
    }
  }

  /** What the public verification page shows for a code. */
  public record Verification(Instant issuedAt, CertificateKind kind, String municipality)
      implements Serializable {}

  @Inject CertificateSql sql;
  @Inject OwnRecord ownRecord;
  @Inject Payments payments;
  @Inject PortalAddress portal;
  @Inject CallerScope caller;
  @Inject AuditLog audit;
  @Inject CaseWork cases;

  Clock clock = Clock.systemUTC();

  /**
   * Issues (or returns) the certificate of the citizen's application {@code applicationId}.
   *
   * @param eidPseudonym the citizen's eID pseudonym (her user name from the eID broker)
   * @param levelSubstantial she signed in at level substantial or high
   * @return empty if the application is not hers or not one of the certificate service
   */
  public Optional<Outcome> request(
      UUID applicationId, String eidPseudonym, boolean levelSubstantial, Locale language) {
    TenantScope scope = citizen();
    if (applicationId == null) {
      return Optional.empty();
    }
    Optional<CertificateSql.ApplicationRow> found = sql.application(applicationId);
    if (found.isEmpty() || !SERVICE_KEYS.contains(found.get().serviceKey())) {
      return Optional.empty();
    }
    CertificateSql.ApplicationRow application = found.get();
    Optional<Issued> existing = sql.certificate(applicationId).map(CertificateDesk::issued);
    if (existing.isPresent()) {
      // Closed already when issued; a certificate issued before cases were closed is closed now.
      cases.closeAsIssued(applicationId, closingNote(existing.get().code(), language));
      return Optional.of(new Outcome(CertificateRules.Decision.ISSUE, existing));
    }
    Optional<CertificateKind> kind = CertificateKind.of(application.certificateType());
    boolean feeSettled =
        payments
            .forApplication(applicationId)
            .map(PaymentSummary::state)
            .map(s -> s.isSettled())
            .orElse(true);
    Optional<Resident> own =
        levelSubstantial
            ? ownRecord.read(
                application.municipalityId(),
                eidPseudonym,
                "certificate for " + application.reference())
            : Optional.empty();
    LocalDate today = LocalDate.now(clock.withZone(ZONE));
    CertificateRules.Decision decision =
        CertificateRules.decide(levelSubstantial, feeSettled, kind, own, today);
    if (decision.goesToClerk()) {
      audit.record(
          new AuditEvent(
              scope.subject(),
              "register.certificate.referred",
              "case_application",
              applicationId.toString(),
              application.municipalityId(),
              decision.name()));
    }
    if (decision != CertificateRules.Decision.ISSUE) {
      return Optional.of(Outcome.of(decision));
    }
    Resident resident = own.orElseThrow();
    CertificateSql.Authority authority = sql.authority(application.municipalityId());
    String code = VerificationCode.generate();
    Instant now = clock.instant();
    byte[] pdf =
        CertificatePdf.render(
            kind.orElseThrow(),
            resident,
            new CertificatePdf.Issuer(authority.name(), authority.addressLines(), authority.logo()),
            LocalDate.ofInstant(now, ZONE),
            application.reference(),
            code,
            verifyUrl(code),
            language);
    UUID id = UUID.randomUUID();
    sql.insert(
        id,
        application.municipalityId(),
        applicationId,
        resident.id(),
        scope.subject(),
        kind.orElseThrow().name(),
        code,
        now,
        authority.name(),
        pdf);
    audit.record(
        new AuditEvent(
            scope.subject(),
            "register.certificate.issue",
            "resident_certificate",
            id.toString(),
            application.municipalityId(),
            kind.orElseThrow().name() + " for " + application.reference()));
    // Nothing is left for a clerk: the case closes with the issue, in this transaction.
    cases.closeAsIssued(applicationId, closingNote(code, language));
    return Optional.of(
        new Outcome(
            decision,
            Optional.of(new Issued(id, code, kind.orElseThrow(), now, authority.name(), pdf))));
  }

  /** The citizen's own applications of the certificate service ("Meine Anträge" links them). */
  public Set<UUID> certificateApplications() {
    citizen();
    return Set.copyOf(sql.applicationsOf(SERVICE_KEYS));
  }

  /** The timeline entry the citizen sees when her certificate closes the case. */
  static String closingNote(String code, Locale language) {
    return language != null && "en".equals(language.getLanguage())
        ? "Certificate of residence issued at once from the register (code " + code + ")."
        : "Meldebescheinigung sofort aus dem Melderegister ausgestellt (Prüfcode " + code + ").";
  }

  /** The address printed on a certificate and in its QR code. */
  public String verifyUrl(String code) {
    return portal.baseUrl() + "/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
  }

  private static Issued issued(CertificateSql.CertificateRow row) {
    return new Issued(
        row.id(),
        row.code(),
        CertificateKind.valueOf(row.kind()),
        row.issuedAt(),
        row.issuedBy(),
        row.pdf());
  }

  private TenantScope citizen() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      throw new SecurityException("certificates of residence are requested by the citizen herself");
    }
    return scope;
  }
}
