package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.applications.domain.ReferenceNumber;
import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.registers.lostproperty.domain.Claim;
import eu.rathaus.registers.lostproperty.domain.FoundItem;
import eu.rathaus.registers.lostproperty.domain.FoundItemInput;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.ItemPhoto;
import eu.rathaus.registers.lostproperty.domain.LossMatching;
import eu.rathaus.registers.lostproperty.infrastructure.LostPropertySql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The back office of the lost-property office: clerks of a municipality record found items, list
 * them, read a finder's data (every read audited: {@code lostproperty.finder.read}), see the open
 * loss reports with suggested items and confirm one — the item becomes CLAIMED and the owner is
 * told in the case's mailbox thread, in the same transaction. The municipality comes from the staff
 * scope, never from a parameter; row-level security (V42) checks the same again.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class LostPropertyOffice {

  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final int LIST_LIMIT = 200;
  static final int REPORT_LIMIT = 50;

  /** The finder of an item, as one audited read returned it. */
  public record Finder(String name, String contact) implements Serializable {}

  /** The outcome of recording an item: its id, or the refused fields. */
  public record Recorded(UUID id, List<FoundItemInput.Problem> problems) implements Serializable {
    public boolean isRecorded() {
      return id != null;
    }
  }

  /** An open loss report with the items suggested for it, best first (empty: none fits yet). */
  public record LossReport(
      LossMatching.LossReport report, List<LossMatching.Suggestion> suggestions)
      implements Serializable {}

  /** Why a match was not confirmed. */
  public enum Confirmation {
    CONFIRMED,
    /** The item or the report is not the municipality's, or the report is none. */
    NOT_FOUND,
    /** The item is no longer FOUND (another clerk confirmed it, or its deadline passed). */
    NOT_AVAILABLE
  }

  @Inject LostPropertySql sql;
  @Inject CallerScope caller;
  @Inject AuditLog audit;
  @Inject Mailbox mailbox;
  @Inject AttachmentService attachments;
  @Inject Payments payments;

  Clock clock = Clock.systemUTC();

  public Recorded record(FoundItemInput input) {
    TenantScope scope = staff();
    List<FoundItemInput.Problem> problems = input.problems(LocalDate.now(clock.withZone(ZONE)));
    if (!problems.isEmpty()) {
      return new Recorded(null, problems);
    }
    UUID id = UUID.randomUUID();
    sql.insert(
        id,
        scope.municipalityId(),
        input.parsedCategory().key(),
        input.description().strip(),
        input.foundPlace().strip(),
        input.parsedFoundOn(),
        input.keptAt().strip(),
        input.finderKeeps(),
        scope.subject());
    if (input.finderNameOrNull() != null || input.finderContactOrNull() != null) {
      sql.insertFinder(
          id,
          scope.municipalityId(),
          input.finderNameOrNull() == null ? "—" : input.finderNameOrNull(),
          input.finderContactOrNull());
    }
    audit.record(
        new AuditEvent(
            scope.subject(),
            "lostproperty.item.record",
            "found_item",
            id.toString(),
            scope.municipalityId(),
            input.parsedCategory().key()));
    return new Recorded(id, List.of());
  }

  public List<FoundItem> items() {
    return sql.items(staff().municipalityId(), LIST_LIMIT);
  }

  /** The photos of the given items of the municipality, public or not, by item. */
  public Map<UUID, List<ItemPhoto>> photos(Collection<UUID> items) {
    staff();
    return sql.photos(items, false);
  }

  /**
   * The bytes of one of the municipality's photos (public or not) for staff deciding what to show;
   * the attachment store audits the read.
   */
  public Optional<AttachmentDownload> photo(UUID photo) {
    TenantScope scope = staff();
    return photo == null
        ? Optional.empty()
        : sql.photoAttachment(scope.municipalityId(), photo).flatMap(attachments::download);
  }

  public Optional<FoundItem> item(UUID id) {
    TenantScope scope = staff();
    return id == null ? Optional.empty() : sql.item(scope.municipalityId(), id);
  }

  /** The finder of one of the municipality's items; the read is audited. Empty if none. */
  public Optional<Finder> finder(UUID item) {
    TenantScope scope = staff();
    if (item == null) {
      return Optional.empty();
    }
    Optional<Finder> finder =
        sql.finder(scope.municipalityId(), item).map(f -> new Finder(f[0], f[1]));
    if (finder.isPresent()) {
      audit.record(
          new AuditEvent(
              scope.subject(),
              "lostproperty.finder.read",
              "found_item",
              item.toString(),
              scope.municipalityId(),
              null));
    }
    return finder;
  }

  /** The municipality's loss reports without a confirmed item, each with its suggestions. */
  public List<LossReport> openLossReports() {
    TenantScope scope = staff();
    List<LossReport> reports = new ArrayList<>();
    for (LostPropertySql.LossRow row : sql.openLossReports(scope.municipalityId(), REPORT_LIMIT)) {
      reports.add(withSuggestions(scope.municipalityId(), row));
    }
    return reports;
  }

  /** One loss report (a case of the municipality) with its suggestions. */
  public Optional<LossReport> lossReport(UUID caseId) {
    TenantScope scope = staff();
    return caseId == null
        ? Optional.empty()
        : sql.lossReport(scope.municipalityId(), caseId)
            .map(row -> withSuggestions(scope.municipalityId(), row));
  }

  private LossReport withSuggestions(UUID municipality, LostPropertySql.LossRow row) {
    LocalDate lostOn =
        FoundItemInput.date(row.date()).orElse(LocalDate.ofInstant(row.submittedAt(), ZONE));
    LossMatching.LossReport report =
        new LossMatching.LossReport(
            row.caseId(),
            row.reference(),
            ItemCategory.of(row.category()).orElse(ItemCategory.OTHER),
            lostOn,
            row.place(),
            row.description());
    List<LossMatching.Candidate> candidates =
        sql.candidates(
            municipality,
            LossMatching.windowStart(lostOn),
            LossMatching.windowEnd(lostOn),
            row.description());
    return new LossReport(report, LossMatching.suggest(report, candidates));
  }

  /**
   * Confirms that item belongs to the owner of the loss report {@code caseId}: the item becomes
   * CLAIMED, the claim is stored and {@code message} goes to the owner in the case's mailbox thread
   * (with the usual e-mail notice), all in one transaction.
   */
  public Confirmation confirm(UUID caseId, UUID item, String message) {
    TenantScope scope = staff();
    if (caseId == null
        || item == null
        || sql.lossReport(scope.municipalityId(), caseId).isEmpty()
        || sql.item(scope.municipalityId(), item).isEmpty()) {
      return Confirmation.NOT_FOUND;
    }
    Instant now = clock.instant();
    if (!sql.claim(scope.municipalityId(), item, caseId, scope.subject(), now)) {
      return Confirmation.NOT_AVAILABLE;
    }
    long fee = sql.claimFeeCents(scope.municipalityId());
    if (fee > 0) {
      LostPropertySql.ClaimContext context =
          sql.claimContext(scope.municipalityId(), caseId).orElseThrow();
      UUID payment =
          payments
              .openOnSubmission(
                  scope.municipalityId(),
                  context.applicationId(),
                  context.applicantSubject(),
                  ReferenceNumber.parse(context.reference()),
                  fee)
              .orElseThrow()
              .id();
      sql.setClaimFee(item, fee, payment);
    }
    mailbox.postToApplicant(caseId, message, List.of());
    audit.record(
        new AuditEvent(
            scope.subject(),
            "lostproperty.match.confirm",
            "found_item",
            item.toString(),
            scope.municipalityId(),
            "case " + caseId + (fee > 0 ? " fee " + fee : "")));
    return Confirmation.CONFIRMED;
  }

  /** The fee the municipality charges for handing an item back, in cents (0: none). */
  public long claimFeeCents() {
    return sql.claimFeeCents(staff().municipalityId());
  }

  /**
   * A claimed item was given to its owner; false if it is not claimed, the owner has not given her
   * proof yet, or the fee (if any) is not paid.
   */
  public boolean handOver(UUID item) {
    TenantScope scope = staff();
    if (item == null
        || !sql.claimOfItem(scope.municipalityId(), item)
            .map(Claim::isReadyForHandover)
            .orElse(false)
        || !sql.handOver(scope.municipalityId(), item, clock.instant())) {
      return false;
    }
    sql.noteHandedOverBy(item, scope.subject());
    audit.record(
        new AuditEvent(
            scope.subject(),
            "lostproperty.item.handover",
            "found_item",
            item.toString(),
            scope.municipalityId(),
            null));
    return true;
  }

  private TenantScope staff() {
    return Callers.staff(caller, "the lost-property office is for a municipality's staff");
  }
}
