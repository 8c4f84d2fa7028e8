package eu.rathaus.registers.residents.application;

import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.messaging.application.Mailbox;
import eu.rathaus.messaging.application.OutgoingFile;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.MoveRequest;
import eu.rathaus.registers.residents.domain.MoveRules;
import eu.rathaus.registers.residents.domain.Newcomer;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentRegister;
import eu.rathaus.registers.residents.infrastructure.CertificateSql;
import eu.rathaus.registers.residents.infrastructure.MoveSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The change of address (Ummeldung within the municipality, Anmeldung from elsewhere): the
 * submission records which eID pseudonym filed it ({@link MoveSubmissions}); the register clerk's
 * case page shows what the register would become ({@link #review}); her approval ({@link #approve})
 * decides the case (notice in the mailbox), writes the register — the applicant's new main
 * residence from the moving date, the old one kept in the history with the day before as its end,
 * and the same for every household member who moves along — and posts the confirmation PDF, all in
 * one transaction: the decision and the register change commit together or not at all. An Anmeldung
 * from elsewhere enters the applicant (unless her record is there) and everyone who moves in with
 * her as new persons, linked into one household, each with the previous address elsewhere in the
 * history (ended the day before the moving date).
 *
 * <p>Never automatic: the landlord's confirmation is an upload or a code that no register can
 * check, so a clerk looks at it; {@link MoveRules} keep her approval from writing a change that
 * does not fit the record (blocked record, no record, a mover outside the household, …).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class MoveDesk {

  /**
   * Service keys of the change-of-address service (the demo template; a municipality's own key).
   */
  public static final Set<String> SERVICE_KEYS = Set.of("demo.wohnsitz-ummelden");

  /** What the case page shows about a change of address. */
  public record Review(
      MoveRequest request,
      MoveRules.Check check,
      String currentAddress,
      String person,
      boolean registered)
      implements Serializable {
    public boolean isRegistered() {
      return registered;
    }

    public MoveRules.Check getCheck() {
      return check;
    }

    public String getCurrentAddress() {
      return currentAddress;
    }

    public String getPerson() {
      return person;
    }

    public String getNewAddress() {
      return request.newAddress() == null ? "" : request.newAddress().line();
    }

    public LocalDate getMovingDate() {
      return request.movingDate();
    }

    public boolean isFromElsewhere() {
      return request.kind() == MoveRequest.Kind.FROM_ELSEWHERE;
    }

    public String getLandlordCode() {
      return request.landlordCode();
    }

    public boolean isLandlordDocument() {
      return request.landlordDocument();
    }
  }

  @Inject MoveSql sql;
  @Inject CertificateSql letterheads;
  @Inject ResidentRegister register;
  @Inject CaseWork cases;
  @Inject Mailbox mailbox;
  @Inject DataKeys dataKeys;
  @Inject CallerScope caller;
  @Inject AuditLog audit;
  @Inject Event<ResidentsMoved> moved;

  Clock clock = Clock.systemUTC();

  /** True if the case is one of the change-of-address service (the case page asks). */
  public boolean isMove(UUID caseId) {
    staff();
    return caseId != null
        && sql.ofCase(caseId).map(c -> SERVICE_KEYS.contains(c.serviceKey())).orElse(false);
  }

  /**
   * What the approval would write, for the case page: the request, the problems in its way and the
   * current address; the register read is audited with the case's reference as the reason.
   */
  public Optional<Review> review(UUID caseId) {
    TenantScope scope = staff();
    Optional<MoveSql.MoveCase> found = caseId == null ? Optional.empty() : sql.ofCase(caseId);
    if (found.isEmpty() || !SERVICE_KEYS.contains(found.get().serviceKey())) {
      return Optional.empty();
    }
    MoveSql.MoveCase c = found.get();
    MoveRequest request = MoveAnswers.request(c.answersJson());
    Optional<Resident> record = read(scope, c);
    MoveRules.Check check = check(c, request, record);
    return Optional.of(
        new Review(
            request,
            check,
            record
                .flatMap(Resident::mainResidence)
                .map(a -> a.streetLine() + ", " + a.townLine())
                .or(() -> previousElsewhere(c, request))
                .orElse(null),
            record.map(Resident::name).orElse(null),
            c.registeredAt() != null));
  }

  /** True if the caller may approve a change of address (role {@code register-clerk}). */
  public boolean mayApprove() {
    return staff().staffWithRole(TenantScope.REGISTER_CLERK);
  }

  /**
   * Approves the case with {@code reasons} and writes the register, in this one transaction; a
   * caller without the role {@code register-clerk} ({@code register.move.refused.role}) or a
   * problem of {@link MoveRules} refuses the approval ({@code register.move.refused.*}) and changes
   * nothing.
   */
  public CaseOutcome approve(UUID caseId, long expectedVersion, String reasons) {
    TenantScope scope = staff();
    if (!scope.staffWithRole(TenantScope.REGISTER_CLERK)) {
      return refused("register.move.refused.role");
    }
    Optional<MoveSql.MoveCase> found = caseId == null ? Optional.empty() : sql.ofCase(caseId);
    if (found.isEmpty() || !SERVICE_KEYS.contains(found.get().serviceKey())) {
      return refused(CaseOutcome.NOT_FOUND);
    }
    MoveSql.MoveCase c = found.get();
    if (c.registeredAt() != null) {
      return refused("case.refused.already-decided");
    }
    // The data key of the notice is made (own transaction, audited) before this one appends to
    // the audit chain (see CaseWork.decide).
    dataKeys.ensure(c.municipalityId());
    MoveRequest request = MoveAnswers.request(c.answersJson());
    Optional<Resident> record = read(scope, c);
    MoveRules.Check check = check(c, request, record);
    if (!check.writable()) {
      return refused(
          "register.move.refused." + check.problems().get(0).name().toLowerCase(Locale.ROOT));
    }
    MoveAnswers.Person person = MoveAnswers.person(c.answersJson());
    if (request.kind() == MoveRequest.Kind.FROM_ELSEWHERE && !person.complete()) {
      return refused("register.move.refused.person_incomplete");
    }
    CaseOutcome outcome = cases.decide(caseId, expectedVersion, true, reasons);
    if (!outcome.isDone()) {
      return outcome;
    }
    LocalDate day = request.movingDate();
    List<UUID> residents = new ArrayList<>();
    if (record.isPresent()) {
      residents.add(record.get().id());
      check.movers().forEach(m -> residents.add(m.id()));
      for (UUID resident : residents) {
        register.move(c.municipalityId(), resident, request.newAddress(), day);
      }
    } else {
      residents.add(
          register.register(
              c.municipalityId(),
              person.givenNames(),
              person.familyName(),
              person.birthDate(),
              c.eidPseudonym(),
              request.newAddress(),
              day));
    }
    if (request.kind() == MoveRequest.Kind.FROM_ELSEWHERE) {
      registerNewcomers(c, request, check, residents);
    }
    Instant now = clock.instant();
    sql.markRegistered(c.applicationId(), now, scope.subject());
    audit.record(
        new AuditEvent(
            scope.subject(),
            "register.move",
            "case_record",
            caseId.toString(),
            c.municipalityId(),
            c.reference() + ": " + residents.size() + " resident(s) from " + day));
    moved.fire(new ResidentsMoved(caseId, c.municipalityId(), List.copyOf(residents), day));
    Locale language = "en".equals(c.language()) ? Locale.ENGLISH : Locale.GERMAN;
    CertificateSql.Authority authority = letterheads.authority(c.municipalityId());
    List<String> names = new ArrayList<>();
    names.add(record.map(Resident::name).orElse(person.givenNames() + " " + person.familyName()));
    check.movers().stream().map(HouseholdMember::name).forEach(names::add);
    check.newcomers().stream().map(Newcomer::name).forEach(names::add);
    byte[] pdf =
        MovePdf.render(
            new MovePdf.Issuer(authority.name(), authority.addressLines(), authority.logo()),
            request,
            names,
            c.reference(),
            LocalDate.ofInstant(now, CertificateDesk.ZONE),
            language);
    mailbox.postToApplicant(
        caseId,
        MovePdf.message(c.reference(), language),
        List.of(new OutgoingFile(MovePdf.fileName(c.reference()), "application/pdf", pdf)));
    return outcome;
  }

  /** Anmeldung: the previous address elsewhere that she typed, as one line. */
  private static Optional<String> previousElsewhere(MoveSql.MoveCase c, MoveRequest request) {
    if (request.kind() != MoveRequest.Kind.FROM_ELSEWHERE) {
      return Optional.empty();
    }
    return Optional.ofNullable(MoveAnswers.previousAddress(c.answersJson()))
        .map(MoveRequest.NewAddress::line);
  }

  /**
   * Anmeldung: everyone who moves in with her becomes a new person (no eID link), the previous
   * address elsewhere goes into the history of all of them, and they form one household.
   */
  private void registerNewcomers(
      MoveSql.MoveCase c, MoveRequest request, MoveRules.Check check, List<UUID> residents) {
    LocalDate day = request.movingDate();
    for (Newcomer n : check.newcomers()) {
      residents.add(
          register.register(
              c.municipalityId(),
              n.givenNames(),
              n.familyName(),
              n.birthDate(),
              null,
              request.newAddress(),
              day));
    }
    MoveRequest.NewAddress previous = MoveAnswers.previousAddress(c.answersJson());
    if (previous != null) {
      for (UUID resident : residents) {
        register.recordPreviousAddress(c.municipalityId(), resident, previous, day.minusDays(1));
      }
    }
    if (residents.size() > 1) {
      register.joinHousehold(c.municipalityId(), residents);
    }
  }

  private Optional<Resident> read(TenantScope scope, MoveSql.MoveCase c) {
    Optional<Resident> record = register.findLinked(c.municipalityId(), c.eidPseudonym());
    record.ifPresent(
        r ->
            audit.record(
                new AuditEvent(
                    scope.subject(),
                    "register.resident.read",
                    "resident",
                    r.id().toString(),
                    c.municipalityId(),
                    "change of address " + c.reference())));
    return record;
  }

  /**
   * The rules, the moving date against the current address of everyone who moves along, and
   * (Anmeldung) whether a newcomer already lives here.
   */
  private MoveRules.Check check(
      MoveSql.MoveCase c, MoveRequest request, Optional<Resident> record) {
    LocalDate today = LocalDate.now(clock.withZone(CertificateDesk.ZONE));
    MoveRules.Check check = MoveRules.check(request, c.eidPseudonym() != null, record, today);
    if (!check.newcomers().isEmpty() && livesHereAlready(c, check.newcomers())) {
      return check.with(MoveRules.Problem.MOVER_ALREADY_REGISTERED);
    }
    if (request.movingDate() == null || check.problems().contains(MoveRules.Problem.MOVING_DATE)) {
      return check;
    }
    for (HouseholdMember m : check.movers()) {
      boolean tooEarly =
          register
              .find(c.municipalityId(), m.id())
              .flatMap(Resident::mainResidence)
              .map(a -> !request.movingDate().isAfter(a.movedIn()))
              .orElse(false);
      if (tooEarly) {
        return check.with(MoveRules.Problem.MOVING_DATE);
      }
    }
    return check;
  }

  /**
   * True if a newcomer's names and birth date match a resident with a current address; the search
   * is audited like the register clerks' (number of hits, never the names).
   */
  private boolean livesHereAlready(MoveSql.MoveCase c, List<Newcomer> newcomers) {
    int hits = 0;
    for (Newcomer n : newcomers) {
      hits +=
          (int)
              register.search(c.municipalityId(), n.name(), 20).stream()
                  .filter(r -> n.birthDate().equals(r.birthDate()))
                  .filter(r -> r.currentStreetLine() != null)
                  .count();
    }
    audit.record(
        new AuditEvent(
            caller.get().subject(),
            "register.resident.search",
            "resident",
            null,
            c.municipalityId(),
            "hits " + hits + "; reason: newcomers of change of address " + c.reference()));
    return hits > 0;
  }

  private static CaseOutcome refused(String key) {
    return new CaseOutcome(false, key, List.of(), -1);
  }

  private TenantScope staff() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("a change of address is approved by the municipality's staff");
    }
    return scope;
  }
}
