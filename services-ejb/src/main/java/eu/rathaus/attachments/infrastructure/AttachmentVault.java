package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.attachments.domain.AttachmentRefusal;
import eu.rathaus.attachments.domain.FileShreddedException;
import eu.rathaus.attachments.domain.ScanStatus;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The transactional side of attachments: seal and store with its audit entry, open with its audit
 * entry, list, count. Each query is scoped by the caller (citizen: own files; staff: the
 * municipality's) and row-level security checks the same again.
 *
 * <p>The data key is fetched before anything is written or audited in the transaction, because
 * creating a key commits in a transaction of its own that appends to the same audit chain.
 */
@ApplicationScoped
public class AttachmentVault {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject FileKeys fileKeys;
  @Inject AuditLog audit;

  /** Everything about a new attachment except where its key comes from. */
  public record NewAttachment(
      UUID municipalityId,
      String ownerSubject,
      UUID draftId,
      UUID messageId,
      String displayName,
      String contentType,
      byte[] content,
      String sha256,
      ScanStatus scanStatus,
      String scanDetail) {}

  @Transactional
  @TenantScoped
  public long count(String ownerSubject, UUID draftId) {
    return em.createQuery(
            "select count(a) from AttachmentEntity a where a.ownerSubject = :o"
                + " and (a.draftId = :d or (a.draftId is null and :d is null))",
            Long.class)
        .setParameter("o", ownerSubject)
        .setParameter("d", draftId)
        .getSingleResult();
  }

  @Transactional
  @TenantScoped
  public AttachmentSummary store(NewAttachment file) {
    UUID id = UUID.randomUUID();
    FileKeys.Sealed sealed =
        fileKeys.seal(
            file.municipalityId(),
            file.content(),
            AesGcm.attachmentContext(id, file.municipalityId()));
    AttachmentEntity entity =
        new AttachmentEntity(
            id,
            file.municipalityId(),
            file.ownerSubject(),
            file.draftId(),
            file.messageId(),
            file.displayName(),
            file.contentType(),
            file.content().length,
            file.sha256(),
            file.scanStatus(),
            file.scanDetail(),
            sealed.fileKeyId(),
            sealed.keyVersion(),
            sealed.nonce(),
            sealed.ciphertext());
    em.persist(entity);
    em.flush();
    audit.record(
        new AuditEvent(
            actor(),
            "attachment.uploaded",
            "attachment",
            id.toString(),
            file.municipalityId(),
            "type="
                + file.contentType()
                + " size="
                + file.content().length
                + " scan="
                + file.scanStatus()
                + " sha256="
                + file.sha256()
                + (file.draftId() == null ? "" : " draft=" + file.draftId())
                + (file.messageId() == null ? "" : " message=" + file.messageId())));
    return entity.toSummary();
  }

  /**
   * Records a refused upload (security-relevant: malware, lying names) in the municipality's chain.
   */
  @Transactional
  @TenantScoped
  public void recordRefusal(
      UUID municipalityId, UUID draftId, AttachmentRefusal refusal, String detail) {
    audit.record(
        new AuditEvent(
            actor(),
            "attachment.upload.refused",
            "draft",
            draftId == null ? null : draftId.toString(),
            municipalityId,
            "reason=" + refusal + (detail == null ? "" : " " + truncate(detail, 300))));
  }

  /**
   * Decrypts an attachment the caller may see. Citizens see their own, staff their municipality's;
   * everyone else, and every foreign id, gets empty (not found, not forbidden: ids are not
   * confirmed).
   */
  @Transactional
  @TenantScoped
  public Optional<AttachmentDownload> open(UUID id) {
    Optional<AttachmentEntity> found = findVisible(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(decrypt(found.get()));
  }

  /**
   * Decrypts a file of a mailbox message. The mailbox checked the caller may read the message; the
   * query is additionally limited to that message, and row-level security to what the caller sees.
   */
  @Transactional
  @TenantScoped
  public Optional<AttachmentDownload> openOfMessage(UUID id, UUID messageId) {
    return em.createQuery(
            "select a from AttachmentEntity a where a.id = :id and a.messageId = :m",
            AttachmentEntity.class)
        .setParameter("id", id)
        .setParameter("m", messageId)
        .getResultStream()
        .findFirst()
        .map(this::decrypt);
  }

  /**
   * Decrypts a file in the anonymous scope, where row-level security shows only published files
   * (V63: public photos of found items still in the office); not audited, as it is public.
   */
  @Transactional
  @TenantScoped
  public Optional<AttachmentDownload> openPublished(UUID id) {
    if (caller.get().kind() != TenantScope.Kind.PUBLIC) {
      return Optional.empty();
    }
    return em.createQuery(
            "select a from AttachmentEntity a where a.id = :id", AttachmentEntity.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(a -> decrypt(a, false));
  }

  /** The files of the given messages, grouped by message, in upload order. */
  @Transactional
  @TenantScoped
  public java.util.Map<UUID, List<AttachmentSummary>> listOfMessages(Collection<UUID> messageIds) {
    java.util.Map<UUID, List<AttachmentSummary>> result = new java.util.HashMap<>();
    em.createQuery(
            "select a from AttachmentEntity a where a.messageId in :ids order by a.createdAt, a.id",
            AttachmentEntity.class)
        .setParameter("ids", messageIds)
        .getResultStream()
        .forEach(
            a ->
                result
                    .computeIfAbsent(a.messageId(), k -> new java.util.ArrayList<>())
                    .add(a.toSummary()));
    return result;
  }

  /** The file, or null if it was erased (its key shredded): erased files are not found. */
  private AttachmentDownload decrypt(AttachmentEntity entity) {
    return decrypt(entity, true);
  }

  private AttachmentDownload decrypt(AttachmentEntity entity, boolean audited) {
    UUID id = entity.id();
    byte[] plain;
    try {
      plain =
          fileKeys.open(
              entity.municipalityId(),
              entity.fileKeyId(),
              entity.keyVersion(),
              entity.nonce(),
              entity.ciphertext(),
              AesGcm.attachmentContext(entity.id(), entity.municipalityId()));
    } catch (FileShreddedException e) {
      return null;
    }
    if (!audited) {
      return new AttachmentDownload(entity.displayName(), entity.contentType(), plain);
    }
    audit.record(
        new AuditEvent(
            actor(),
            "attachment.downloaded",
            "attachment",
            id.toString(),
            entity.municipalityId(),
            "size=" + plain.length));
    return new AttachmentDownload(entity.displayName(), entity.contentType(), plain);
  }

  /** The calling citizen's attachments, newest first. */
  @Transactional
  @TenantScoped
  public List<AttachmentSummary> listMine() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      return List.of();
    }
    return em.createQuery(
            "select a from AttachmentEntity a where a.ownerSubject = :o order by a.createdAt desc",
            AttachmentEntity.class)
        .setParameter("o", scope.subject())
        .setMaxResults(200)
        .getResultStream()
        .map(AttachmentEntity::toSummary)
        .toList();
  }

  /** The owner's attachments of a draft that are not submitted yet, oldest first (upload order). */
  @Transactional
  @TenantScoped
  public List<AttachmentSummary> listOfDraft(String ownerSubject, UUID draftId) {
    return em.createQuery(
            "select a from AttachmentEntity a where a.ownerSubject = :o and a.draftId = :d and a.applicationId is null"
                + " order by a.createdAt, a.id",
            AttachmentEntity.class)
        .setParameter("o", ownerSubject)
        .setParameter("d", draftId)
        .getResultStream()
        .map(AttachmentEntity::toSummary)
        .toList();
  }

  /** Those of {@code ids} that are the owner's unsubmitted attachments of the draft. */
  @Transactional
  @TenantScoped
  public Set<UUID> ofDraft(String ownerSubject, UUID draftId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "select a.id from AttachmentEntity a where a.ownerSubject = :o and a.draftId = :d"
                    + " and a.applicationId is null and a.id in :ids",
                UUID.class)
            .setParameter("o", ownerSubject)
            .setParameter("d", draftId)
            .setParameter("ids", ids)
            .getResultList());
  }

  /**
   * Deletes the owner's unsubmitted attachment of the draft, with its audit entry. False if there
   * is no such attachment (foreign, submitted or unknown ids look the same).
   */
  @Transactional
  @TenantScoped
  public boolean removeFromDraft(String ownerSubject, UUID draftId, UUID id) {
    Optional<AttachmentEntity> found =
        em.createQuery(
                "select a from AttachmentEntity a where a.id = :id and a.ownerSubject = :o and a.draftId = :d"
                    + " and a.applicationId is null",
                AttachmentEntity.class)
            .setParameter("id", id)
            .setParameter("o", ownerSubject)
            .setParameter("d", draftId)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return false;
    }
    AttachmentEntity entity = found.get();
    em.remove(entity);
    em.flush();
    audit.record(
        new AuditEvent(
            actor(),
            "attachment.removed",
            "attachment",
            id.toString(),
            entity.municipalityId(),
            "draft=" + draftId + " sha256=" + entity.sha256()));
    return true;
  }

  /**
   * Moves the given attachments of the draft to the submitted application (in the caller's
   * transaction, the submission's). Returns how many were linked.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @TenantScoped
  public int linkToApplication(
      String ownerSubject,
      UUID draftId,
      Collection<UUID> ids,
      UUID applicationId,
      UUID municipalityId) {
    if (ids.isEmpty()) {
      return 0;
    }
    int linked =
        em.createQuery(
                "update AttachmentEntity a set a.applicationId = :app where a.ownerSubject = :o and a.draftId = :d"
                    + " and a.applicationId is null and a.id in :ids")
            .setParameter("app", applicationId)
            .setParameter("o", ownerSubject)
            .setParameter("d", draftId)
            .setParameter("ids", ids)
            .executeUpdate();
    auditLinked(applicationId, municipalityId, "draft=" + draftId + " count=" + linked);
    return linked;
  }

  private void auditLinked(UUID applicationId, UUID municipalityId, String detail) {
    audit.record(
        new AuditEvent(
            actor(),
            "attachment.linked",
            "case_application",
            applicationId.toString(),
            municipalityId,
            detail));
  }

  /**
   * Links one of the owner's files that belongs to no draft to her submitted application (in the
   * caller's transaction); audited like {@link #linkToApplication}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @TenantScoped
  public void attachToApplication(
      String ownerSubject, UUID id, UUID applicationId, UUID municipalityId) {
    int linked =
        em.createQuery(
                "update AttachmentEntity a set a.applicationId = :app where a.id = :id"
                    + " and a.ownerSubject = :o and a.draftId is null and a.applicationId is null")
            .setParameter("app", applicationId)
            .setParameter("id", id)
            .setParameter("o", ownerSubject)
            .executeUpdate();
    if (linked != 1) {
      throw new IllegalStateException("The file " + id + " is not the owner's unlinked file");
    }
    auditLinked(applicationId, municipalityId, "attachment=" + id);
  }

  /** The attachments of a submitted application that the caller may see, in upload order. */
  @Transactional
  @TenantScoped
  public List<AttachmentSummary> listOfApplication(UUID applicationId) {
    TenantScope scope = caller.get();
    var query =
        switch (scope.kind()) {
          case CITIZEN ->
              em.createQuery(
                      "select a from AttachmentEntity a where a.applicationId = :app"
                          + " and a.ownerSubject = :k order by a.createdAt, a.id",
                      AttachmentEntity.class)
                  .setParameter("k", scope.subject());
          case STAFF ->
              em.createQuery(
                      "select a from AttachmentEntity a where a.applicationId = :app"
                          + " and a.municipalityId = :k order by a.createdAt, a.id",
                      AttachmentEntity.class)
                  .setParameter("k", scope.municipalityId());
          default -> null;
        };
    if (query == null) {
      return List.of();
    }
    return query
        .setParameter("app", applicationId)
        .getResultStream()
        .map(AttachmentEntity::toSummary)
        .toList();
  }

  private Optional<AttachmentEntity> findVisible(UUID id) {
    TenantScope scope = caller.get();
    return switch (scope.kind()) {
      case CITIZEN ->
          em.createQuery(
                  "select a from AttachmentEntity a where a.id = :id and a.ownerSubject = :o",
                  AttachmentEntity.class)
              .setParameter("id", id)
              .setParameter("o", scope.subject())
              .getResultStream()
              .findFirst();
      case STAFF ->
          em.createQuery(
                  "select a from AttachmentEntity a where a.id = :id and a.municipalityId = :m",
                  AttachmentEntity.class)
              .setParameter("id", id)
              .setParameter("m", scope.municipalityId())
              .getResultStream()
              .findFirst();
      default -> Optional.empty();
    };
  }

  private String actor() {
    String subject = caller.get().subject();
    return subject == null ? "anonymous" : subject;
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
