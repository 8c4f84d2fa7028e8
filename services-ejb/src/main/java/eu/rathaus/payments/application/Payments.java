package eu.rathaus.payments.application;

import eu.rathaus.applications.application.ApplicationSubmitted;
import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.payments.domain.EpcQrCode;
import eu.rathaus.payments.domain.PaymentMethod;
import eu.rathaus.payments.domain.PaymentReference;
import eu.rathaus.payments.domain.PaymentRepository;
import eu.rathaus.payments.domain.PaymentRequest;
import eu.rathaus.payments.domain.PaymentState;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fee of an application from the citizen's and the case's side: the request opened with the
 * submission, its state for pages, paying online or by transfer, and whether a decision may be
 * taken yet.
 *
 * <p>Reads run under the caller's scope and row-level security (V12): a citizen sees only their own
 * payments, staff only their municipality's. Starting a payment is for the applicant only. Nothing
 * here ever marks a payment paid: that is the job of verified provider signals ({@link
 * PaymentNotifications}, {@link PaymentPoll}) and the treasury's bank statement import.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class Payments {

  private static final Logger LOG = Logger.getLogger(Payments.class.getName());
  static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

  @Inject PaymentRepository payments;
  @Inject MunicipalityRepository municipalities;
  @Inject PaymentProviders providers;
  @Inject Settlement settlement;
  @Inject AuditLog audit;
  @Inject CallerScope caller;

  Clock clock = Clock.systemUTC();

  /**
   * Opens the payment request of a just-submitted application, inside the submission's transaction
   * (on {@link ApplicationSubmitted}, see {@link SubmissionPayments}), so there is never an
   * application with a fee but without a request. The Kassenzeichen carries the application's
   * reference number (municipality code, year, counter), which is unique, plus ISO 11649 check
   * digits. Fee-free applications get none.
   */
  public Optional<PaymentSummary> openOnSubmission(
      UUID municipalityId,
      UUID applicationId,
      String applicantSubject,
      ReferenceNumber applicationReference,
      long feeCents) {
    if (feeCents <= 0) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    LocalDate due = now.atZone(AUTHORITY_ZONE).toLocalDate().plusDays(PaymentSettings.dueDays());
    PaymentReference reference =
        PaymentReference.of(
            applicationReference.municipalityCode(),
            applicationReference.year(),
            applicationReference.counter());
    PaymentRequest request =
        new PaymentRequest(
            UUID.randomUUID(),
            municipalityId,
            applicationId,
            applicantSubject,
            reference,
            feeCents,
            due,
            now);
    // Publishing refuses a fee-bearing service without a payee account and the account cannot be
    // removed, so this only fails for data changed outside the portal: roll the submission back.
    Municipality payee =
        municipalities
            .findById(municipalityId)
            .filter(m -> m.payeeIban() != null && m.payeeName() != null)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Municipality " + municipalityId + " has no payee account"));
    request.payInto(payee.payeeName(), payee.payeeIban(), payee.payeeBic());
    payments.add(request);
    settlement.book(request, request.openedEvent(applicantSubject));
    return Optional.of(PaymentSummary.of(request));
  }

  /** The payment of an application, if it has one and the caller may see it. */
  public Optional<PaymentSummary> forApplication(UUID applicationId) {
    return applicationId == null
        ? Optional.empty()
        : payments.forApplication(applicationId).map(PaymentSummary::of);
  }

  /** The payments of several applications in one query ("Meine Anträge"), by application id. */
  public Map<UUID, PaymentSummary> forApplications(Collection<UUID> applicationIds) {
    Map<UUID, PaymentSummary> result = new HashMap<>();
    if (applicationIds.isEmpty()) {
      return result;
    }
    payments
        .forApplications(applicationIds)
        .forEach(p -> result.put(p.applicationId(), PaymentSummary.of(p)));
    return result;
  }

  /**
   * Whether a decision on the application may be taken: the fee is paid (or was, and was refunded
   * since), there is none, or the service version allows deciding before payment. {@code
   * CaseWork.decide} and the clerk's case page ask it before an approval.
   */
  public boolean decisionAllowed(UUID applicationId) {
    Optional<PaymentRequest> payment = payments.forApplication(applicationId);
    if (payment.isEmpty() || payment.get().state().isSettled()) {
      return true;
    }
    return payments.decideBeforePayment(applicationId);
  }

  /**
   * Payee, IBAN, amount, Kassenzeichen and GiroCode for paying by transfer; empty when not payable.
   */
  public Optional<TransferDetails> transferDetails(UUID applicationId) {
    return payments.forApplication(applicationId).flatMap(this::transferDetails);
  }

  /**
   * The citizen chooses to pay by SEPA transfer; the request stays OPEN until the bank statement
   * says otherwise.
   */
  public Optional<TransferDetails> chooseTransfer(UUID applicationId) {
    String subject = requireCitizen();
    Optional<PaymentRequest> found =
        payments
            .forApplication(applicationId)
            .flatMap(p -> payments.lock(p.id()))
            .filter(p -> p.applicantSubject().equals(subject));
    if (found.isEmpty() || !found.get().state().isPayable()) {
      return Optional.empty();
    }
    PaymentRequest payment = found.get();
    if (payment.method() != PaymentMethod.SEPA_TRANSFER) {
      payment.choose(PaymentMethod.SEPA_TRANSFER, null, null, clock.instant());
      audit.record(
          new AuditEvent(
              subject,
              "payment.method-chosen",
              "payment_request",
              payment.id().toString(),
              payment.municipalityId(),
              payment.referenceValue() + " SEPA_TRANSFER"));
    }
    return transferDetails(payment);
  }

  /**
   * The citizen pays online: a session is opened at the provider and the request moves to PENDING
   * (the provider has it now); the browser goes to the provider's page. If an earlier online try is
   * still pending, the provider is asked first, so money already taken is booked, not asked for
   * again.
   *
   * @param returnUrl where the provider sends the browser back (the portal's outcome page)
   */
  public StartOutcome startOnline(UUID applicationId, URI returnUrl) {
    String subject = requireCitizen();
    Optional<PaymentRequest> found =
        payments
            .forApplication(applicationId)
            .flatMap(p -> payments.lock(p.id()))
            .filter(p -> p.applicantSubject().equals(subject));
    if (found.isEmpty()) {
      return StartOutcome.problem("payment.problem.notFound");
    }
    PaymentRequest payment = found.get();
    PaymentProvider provider = providers.online();
    Instant now = clock.instant();
    try {
      if (payment.state() == PaymentState.PENDING
          && payment.method() == PaymentMethod.HOSTED_PAGE
          && payment.providerPaymentId() != null) {
        PaymentProvider.ProviderStatus earlier =
            providers
                .byName(payment.provider())
                .orElse(provider)
                .status(payment.providerPaymentId());
        settlement.apply(
            payment,
            earlier.outcome(),
            earlier.amountCents(),
            "PROVIDER:" + payment.provider(),
            "status:" + earlier.providerPaymentId() + ":" + earlier.outcome(),
            subject,
            now);
      }
      if (!payment.state().isPayable()) {
        return StartOutcome.problem(
            payment.state().isSettled()
                ? "payment.problem.alreadyPaid"
                : "payment.problem.notPayable");
      }
      PaymentProvider.HostedSession session =
          provider.createSession(
              new PaymentProvider.SessionRequest(
                  payment.referenceValue(),
                  payment.amountCents(),
                  payment.currency(),
                  payment.reference().printed(),
                  returnUrl,
                  URI.create(
                      PaymentSettings.notifyBaseUrl()
                          + "/api/v1/payments/notifications/"
                          + provider.name())));
      payment.choose(PaymentMethod.HOSTED_PAGE, provider.name(), session.providerPaymentId(), now);
      if (payment.state() != PaymentState.PENDING) {
        settlement.book(
            payment,
            payment.moveTo(
                PaymentState.PENDING,
                "HOSTED_SESSION_OPENED",
                payment.amountCents(),
                "PORTAL",
                null,
                subject,
                provider.name() + " " + session.providerPaymentId(),
                now));
      } else {
        audit.record(
            new AuditEvent(
                subject,
                "payment.hosted-session-opened",
                "payment_request",
                payment.id().toString(),
                payment.municipalityId(),
                provider.name() + " " + session.providerPaymentId()));
      }
      return StartOutcome.redirect(session.redirectUrl());
    } catch (PaymentProviderException e) {
      LOG.log(
          Level.WARNING,
          "Payment provider {0} unavailable for payment {1}: {2}",
          new Object[] {provider.name(), payment.id(), e.getMessage()});
      return StartOutcome.problem("payment.problem.providerDown");
    }
  }

  private Optional<TransferDetails> transferDetails(PaymentRequest payment) {
    if (!payment.state().isPayable()) {
      return Optional.empty();
    }
    if (payment.payeeIban() != null) {
      return Optional.of(
          transferDetails(payment.payeeName(), payment.payeeIban(), payment.payeeBic(), payment));
    }
    return municipalities
        .findById(payment.municipalityId())
        .filter(m -> m.payeeIban() != null && m.payeeName() != null)
        .map(m -> transferDetails(m.payeeName(), m.payeeIban(), m.payeeBic(), payment));
  }

  /** What the citizen is told: the account the request was opened with, never a later one. */
  static TransferDetails transferDetails(
      String payeeName, String iban, String bic, PaymentRequest payment) {
    String payload =
        EpcQrCode.payload(payeeName, iban, bic, payment.amountCents(), payment.reference());
    return new TransferDetails(
        payeeName,
        iban,
        bic,
        payment.amountCents(),
        payment.referenceValue(),
        payment.reference().printed(),
        payload,
        EpcQrCode.svg(payload, "GiroCode " + payment.reference().printed()));
  }

  private String requireCitizen() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      throw new SecurityException("Payments are made by the signed-in applicant");
    }
    return scope.subject();
  }
}
