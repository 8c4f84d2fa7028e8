package eu.rathaus.notices.application;

import eu.rathaus.attachments.application.DataKeys;
import eu.rathaus.attachments.domain.FileShreddedException;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.notices.domain.ApplicantAddress;
import eu.rathaus.notices.domain.Letterhead;
import eu.rathaus.notices.domain.NoticeCase;
import eu.rathaus.notices.domain.NoticeCases;
import eu.rathaus.notices.domain.NoticeContent;
import eu.rathaus.notices.domain.TextBlock;
import eu.rathaus.notices.domain.TextBlockKind;
import eu.rathaus.notices.infrastructure.DecisionNoticeEntity;
import eu.rathaus.notices.infrastructure.NoticePdf;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.MunicipalityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Issuing decision notices (Bescheide) and handing them out again.
 *
 * <p>{@link #issue} runs in the deciding clerk's transaction (it joins it): it takes the case's
 * snapshot from the case work ({@link NoticeCases}: reference number, service, the applicant's name
 * and address as declared), renders the PDF with the municipality's letterhead and active legal
 * remedy block, seals it with the municipality's data key — the same envelope encryption as
 * attachments, so a copy of the database decrypts nothing — and records {@code notice.issued}. It
 * does not change the case's status: the case lifecycle does that and calls this as one step of its
 * decision.
 *
 * <p>{@link #download} answers the applicant (their own notices) and staff of the municipality;
 * everyone else, and every unknown id, gets empty — not found, never forbidden, so ids are not
 * confirmed. Every download is audited, like attachments.
 *
 * <p>The data key is fetched before anything is written or audited in the transaction, because
 * creating a municipality's first key commits in a transaction of its own that appends to the same
 * audit chain (see {@link DataKeys}).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class DecisionNotices {

  /** Longer than any reasons a clerk writes; the column's limit. */
  public static final int MAX_REASONS = 8000;

  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject DataKeys dataKeys;
  @Inject NoticeCases cases;
  @Inject MunicipalityRepository municipalities;
  @Inject AuditLog audit;
  @Inject TextBlocks textBlocks;
  @Inject NoticeSignatory signatory;

  Clock clock = Clock.systemUTC();

  /**
   * Issues the notice of a decision on a case of the calling clerk's municipality.
   *
   * @throws NoSuchElementException if the case is not one of the municipality's (or unknown)
   * @throws IllegalArgumentException if the reasons are blank or longer than {@link #MAX_REASONS}
   * @throws SecurityException if the caller is not staff of a municipality
   */
  public IssuedNotice issue(UUID caseId, boolean approved, String reasons) {
    UUID municipality = staffMunicipality();
    String cleanReasons = reasons == null ? "" : reasons.replace("\r\n", "\n").strip();
    if (cleanReasons.isEmpty() || cleanReasons.length() > MAX_REASONS) {
      throw new IllegalArgumentException(
          "Reasons are required and at most " + MAX_REASONS + " characters");
    }
    NoticeCase decided =
        cases
            .find(municipality, caseId)
            .orElseThrow(() -> new NoSuchElementException("No such case"));
    String applicantSubject = decided.applicantSubject();

    // Before anything is written: a municipality's first data key commits on its own (see
    // DataKeys).
    dataKeys.ensure(municipality);

    Letterhead letterhead = letterhead(municipality);
    String reference = decided.referenceNumber();
    Locale language = Locale.forLanguageTag(decided.language());
    NoticeContent content =
        new NoticeContent(
            letterhead,
            ApplicantAddress.fromAnswers(decided.answersJson()),
            reference,
            decided.serviceTitle(),
            decided.submittedAt(),
            LocalDate.ofInstant(clock.instant(), GERMAN_TIME),
            approved,
            cleanReasons,
            legalRemedy(letterhead, language),
            signatory.get());
    byte[] pdf = NoticePdf.render(content, language);
    String fileName = NoticePdf.fileName(reference, language);
    UUID id = UUID.randomUUID();
    DataKeys.Sealed sealed = dataKeys.seal(municipality, pdf, context(id, municipality));
    String sha256 = sha256(pdf);
    em.persist(
        new DecisionNoticeEntity(
            id,
            caseId,
            municipality,
            applicantSubject,
            approved,
            cleanReasons,
            fileName,
            pdf.length,
            sha256,
            sealed.fileKeyId(),
            sealed.keyVersion(),
            sealed.nonce(),
            sealed.ciphertext(),
            clock.instant(),
            actor()));
    em.flush();
    audit.record(
        new AuditEvent(
            actor(),
            "notice.issued",
            "decision_notice",
            id.toString(),
            municipality,
            "case="
                + caseId
                + " approved="
                + approved
                + " size="
                + pdf.length
                + " sha256="
                + sha256));
    return new IssuedNotice(id, fileName, pdf, language.getLanguage());
  }

  /** The decrypted notice for its applicant or the municipality's staff; empty for anyone else. */
  public Optional<NoticeDownload> download(UUID noticeId) {
    Optional<DecisionNoticeEntity> found = visible("n.id = :k", noticeId).stream().findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DecisionNoticeEntity notice = found.get();
    byte[] pdf;
    try {
      pdf =
          dataKeys.open(
              notice.municipalityId(),
              notice.fileKeyId(),
              notice.keyVersion(),
              notice.nonce(),
              notice.ciphertext(),
              context(notice.id(), notice.municipalityId()));
    } catch (FileShreddedException e) {
      // Erased (crypto-shredded): like a notice that is not there.
      return Optional.empty();
    }
    audit.record(
        new AuditEvent(
            actor(),
            "notice.downloaded",
            "decision_notice",
            noticeId.toString(),
            notice.municipalityId(),
            "case=" + notice.caseId() + " size=" + pdf.length));
    return Optional.of(new NoticeDownload(notice.fileName(), pdf));
  }

  /**
   * The notices of a case the caller may see (applicant: own; staff: the municipality's), oldest
   * first.
   */
  public List<NoticeSummary> ofCase(UUID caseId) {
    return visible("n.caseId = :k", caseId).stream()
        .map(n -> new NoticeSummary(n.id(), n.approved(), n.fileName(), n.createdAt()))
        .toList();
  }

  private List<DecisionNoticeEntity> visible(String condition, UUID value) {
    TenantScope scope = caller.get();
    if (value == null) {
      return List.of();
    }
    var query =
        switch (scope.kind()) {
          case CITIZEN ->
              em.createQuery(
                      "select n from DecisionNoticeEntity n where "
                          + condition
                          + " and n.applicantSubject = :who order by n.createdAt, n.id",
                      DecisionNoticeEntity.class)
                  .setParameter("who", scope.subject());
          case STAFF ->
              em.createQuery(
                      "select n from DecisionNoticeEntity n where "
                          + condition
                          + " and n.municipalityId = :who order by n.createdAt, n.id",
                      DecisionNoticeEntity.class)
                  .setParameter("who", scope.municipalityId());
          default -> null;
        };
    return query == null
        ? List.of()
        : query.setParameter("k", value).setMaxResults(100).getResultList();
  }

  /** The municipality's letterhead (notices' own table, V11); its name alone while it has none. */
  private Letterhead letterhead(UUID municipality) {
    List<?> rows =
        em.createNativeQuery(
                "select authority_name, address_line1, address_line2, phone, email, web_address, logo"
                    + " from municipality_letterhead where municipality_id = ?1")
            .setParameter(1, municipality)
            .getResultList();
    if (rows.isEmpty()) {
      return Letterhead.nameOnly(
          municipalities.findById(municipality).map(Municipality::name).orElseThrow());
    }
    Object[] row = (Object[]) rows.get(0);
    return new Letterhead(
        (String) row[0],
        Arrays.asList((String) row[1], (String) row[2]),
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (byte[]) row[6]);
  }

  /**
   * The municipality's first active legal remedy block; without one, a generic instruction naming
   * the authority, because a notice must never go out without telling how to object to it.
   */
  private String legalRemedy(Letterhead letterhead, Locale language) {
    return textBlocks.active(TextBlockKind.LEGAL_REMEDY).stream()
        .findFirst()
        .map(TextBlock::getBody)
        .orElseGet(
            () ->
                MessageFormat.format(
                    NoticePdf.text(language, "notice.remedy.default"), letterhead.returnAddress()));
  }

  private UUID staffMunicipality() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Notices are issued by staff of a municipality");
    }
    return scope.municipalityId();
  }

  private String actor() {
    return caller.get().subject() == null ? "anonymous" : caller.get().subject();
  }

  /**
   * Associated data of a sealed notice: its id and municipality (a copied ciphertext fails to
   * open).
   */
  static byte[] context(UUID noticeId, UUID municipalityId) {
    return DataKeys.noticeContext(noticeId, municipalityId);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
