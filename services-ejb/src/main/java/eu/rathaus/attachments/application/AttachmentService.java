package eu.rathaus.attachments.application;

import eu.rathaus.attachments.domain.AttachmentName;
import eu.rathaus.attachments.domain.AttachmentRefusal;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.attachments.domain.ContentTypes;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import eu.rathaus.attachments.domain.MalwareScanner;
import eu.rathaus.attachments.domain.ScanResult;
import eu.rathaus.attachments.domain.ScanStatus;
import eu.rathaus.attachments.infrastructure.AttachmentVault;
import eu.rathaus.attachments.infrastructure.TikaContentTypes;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Attachments of citizens' drafts and applications: checked, scanned, encrypted, audited.
 *
 * <p>Order of the checks, cheapest and least revealing first: the name, the count, the size (read
 * at most one byte past the limit, so a huge upload costs no memory), the type from the bytes and
 * its agreement with the name, then the malware scan, and only then the database. Scanning runs
 * outside any transaction, so a slow clamd never holds a database connection.
 *
 * <p>A refusal is an {@link UploadOutcome} with a message key, never an exception; refusals are
 * audited too, because EICAR today is a real attack tomorrow.
 */
@ApplicationScoped
public class AttachmentService {

  private static final Logger LOG = Logger.getLogger(AttachmentService.class.getName());

  @Inject ContentTypes types;
  @Inject MalwareScanner scanner;
  @Inject AttachmentVault vault;
  @Inject CallerScope caller;

  /**
   * Checks and stores one file for the signed-in citizen {@code ownerSubject}.
   *
   * @param draftId the draft the file is uploaded into (the form adds the returned id to its
   *     answer)
   * @param rules the attachment rules of the service version the draft is pinned to
   */
  public UploadOutcome upload(
      String ownerSubject,
      UUID municipalityId,
      UUID draftId,
      String displayName,
      InputStream content,
      AttachmentRules rules) {
    if (!citizen().equals(ownerSubject)) {
      throw new IllegalStateException(
          "Attachments are uploaded by the signed-in citizen who owns them");
    }
    Checked checked = checkForDraft(municipalityId, draftId, displayName, content, rules, 0);
    if (checked.refused() != null) {
      return checked.refused();
    }
    return store(checked.file(), ownerSubject, draftId, null);
  }

  /**
   * Every check of {@link #upload}, the count included, for a file the signed-in citizen chose into
   * their draft {@code draftId} (null: the draft is created with it and holds no files yet),
   * without storing it; {@code chosenAlongside} files chosen before it in the same request count
   * too. Runs outside a transaction (the malware scan); refusals are audited.
   */
  public Checked checkForDraft(
      UUID municipalityId,
      UUID draftId,
      String displayName,
      InputStream content,
      AttachmentRules rules,
      int chosenAlongside) {
    String owner = citizen();
    if (AttachmentName.parse(displayName).isEmpty()) {
      return new Checked(
          null,
          refuse(municipalityId, draftId, UploadOutcome.FIELD, AttachmentRefusal.BAD_NAME, null));
    }
    long held = draftId == null ? 0 : vault.count(owner, draftId);
    if (held + chosenAlongside >= rules.maxCount()) {
      return new Checked(
          null,
          refuse(
              municipalityId,
              draftId,
              UploadOutcome.FIELD,
              AttachmentRefusal.TOO_MANY,
              null,
              rules.maxCount()));
    }
    return check(municipalityId, draftId, displayName, content, rules);
  }

  /**
   * Stores a file checked by {@link #checkForDraft} into the signed-in citizen's draft, in the
   * caller's transaction (the draft's step is saved in the same one). The count is checked again
   * here, because another request may have filled the draft since the check.
   */
  public UploadOutcome storeInDraft(CheckedFile file, UUID draftId, AttachmentRules rules) {
    String owner = citizen();
    if (vault.count(owner, draftId) >= rules.maxCount()) {
      return UploadOutcome.refused(
          UploadOutcome.FIELD, AttachmentRefusal.TOO_MANY, rules.maxCount());
    }
    return store(file, owner, draftId, null);
  }

  /**
   * A file that passed every check (name, size, type from the bytes, malware scan) and is ready to
   * be stored; its bytes are still plain and stay in memory only until {@link #storeForMessage}.
   */
  public record CheckedFile(
      UUID municipalityId,
      String displayName,
      String contentType,
      byte[] content,
      String sha256,
      ScanStatus scanStatus,
      String scanDetail) {

    /**
     * The same checked file with other bytes of the same kind, e.g. a photo re-encoded without its
     * metadata ({@link eu.rathaus.attachments.domain.StrippedImage}); the scan verdict was given to
     * the original, from which these bytes were derived by decoding pixels only.
     */
    public CheckedFile withContent(byte[] newContent, String newContentType) {
      return new CheckedFile(
          municipalityId,
          displayName,
          newContentType,
          newContent,
          AttachmentService.sha256(newContent),
          scanStatus,
          scanDetail);
    }
  }

  /** Either a checked file or the refusal (already audited). */
  public record Checked(CheckedFile file, UploadOutcome refused) {}

  /**
   * Runs the whole check pipeline of {@link #upload} except the count (the caller knows what the
   * file belongs to) for the signed-in citizen or staff member; used by the mailbox, which checks
   * every file of a message before it stores any, so a message is stored with all its files or
   * none.
   *
   * @param contextId what the audit entry of a refusal names (a draft, a thread)
   */
  public Checked check(
      UUID municipalityId,
      UUID contextId,
      String displayName,
      InputStream content,
      AttachmentRules rules) {
    String field = UploadOutcome.FIELD;
    Optional<AttachmentName> name = AttachmentName.parse(displayName);
    if (name.isEmpty()) {
      return new Checked(
          null, refuse(municipalityId, contextId, field, AttachmentRefusal.BAD_NAME, null));
    }
    byte[] bytes = readAtMost(content, rules.maxSizeBytes());
    if (bytes == null) {
      return new Checked(
          null,
          refuse(
              municipalityId,
              contextId,
              field,
              AttachmentRefusal.TOO_LARGE,
              null,
              megabytes(rules.maxSizeBytes())));
    }
    if (bytes.length == 0) {
      return new Checked(
          null, refuse(municipalityId, contextId, field, AttachmentRefusal.EMPTY, null));
    }
    String detected = types.detect(bytes);
    String claimed = types.typeOfName(name.get().value());
    if (!types.consistent(detected, claimed)) {
      return new Checked(
          null,
          refuse(
              municipalityId,
              contextId,
              field,
              AttachmentRefusal.TYPE_MISMATCH,
              "detected=" + detected + " claimed=" + claimed));
    }
    String type = TikaContentTypes.effective(detected, claimed);
    if (!rules.allows(type)) {
      return new Checked(
          null,
          refuse(
              municipalityId,
              contextId,
              field,
              AttachmentRefusal.TYPE_NOT_ALLOWED,
              "detected=" + type,
              readableTypes(rules.allowedContentTypes())));
    }
    ScanResult scan = scanner.scan(bytes);
    switch (scan.verdict()) {
      case INFECTED:
        LOG.warning(
            () ->
                "Upload refused, malware "
                    + scan.detail()
                    + " found (municipality "
                    + municipalityId
                    + ")");
        return new Checked(
            null,
            refuse(
                municipalityId,
                contextId,
                field,
                AttachmentRefusal.MALWARE_FOUND,
                "signature=" + scan.detail()));
      case UNAVAILABLE:
        LOG.warning(() -> "Upload refused, malware scanner unavailable: " + scan.detail());
        return new Checked(
            null,
            refuse(municipalityId, contextId, field, AttachmentRefusal.SCANNER_UNAVAILABLE, null));
      default:
        break;
    }
    ScanStatus status =
        scan.verdict() == ScanResult.Verdict.CLEAN ? ScanStatus.CLEAN : ScanStatus.NOT_SCANNED;
    return new Checked(
        new CheckedFile(
            municipalityId, name.get().value(), type, bytes, sha256(bytes), status, scan.detail()),
        null);
  }

  /**
   * Stores a checked file as an attachment of a mailbox message, owned by the caller (citizen or
   * staff member), in the caller's transaction.
   */
  public UploadOutcome storeForMessage(CheckedFile file, UUID messageId) {
    return store(file, caller.get().subject(), null, messageId);
  }

  /**
   * Stores a checked file that a staff member uploaded for a record of their municipality which
   * links it itself (a found item's photo), in the caller's transaction.
   */
  public UploadOutcome storeForStaff(CheckedFile file) {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.STAFF
        || !scope.municipalityId().equals(file.municipalityId())) {
      throw new IllegalStateException("Staff files belong to the staff member's municipality");
    }
    return store(file, scope.subject(), null, null);
  }

  /**
   * Stores a checked file that the signed-in citizen gives for her own submitted application after
   * its submission (the proof of a lost-property claim, V72), in the caller's transaction: the file
   * is hers and belongs to the application, so the municipality's staff read it with the case and
   * retention treats it with the application. The caller has checked that the application is hers.
   */
  public UploadOutcome storeForOwnApplication(CheckedFile file, UUID applicationId) {
    String owner = citizen();
    UploadOutcome stored = store(file, owner, null, null);
    if (stored.isStored()) {
      vault.attachToApplication(
          owner, stored.getStored().getId(), applicationId, file.municipalityId());
    }
    return stored;
  }

  /**
   * A file that the database shows to anonymous visitors (a public photo of a found item, V63),
   * decrypted without an audit entry: it is published and carries no personal data. Empty for any
   * other caller than an anonymous one, and for every file that is not (or no longer) public.
   */
  public Optional<AttachmentDownload> downloadPublished(UUID id) {
    return id == null || caller.get().kind() != TenantScope.Kind.PUBLIC
        ? Optional.empty()
        : vault.openPublished(id);
  }

  private UploadOutcome store(CheckedFile file, String ownerSubject, UUID draftId, UUID messageId) {
    try {
      return UploadOutcome.stored(
          vault.store(
              new AttachmentVault.NewAttachment(
                  file.municipalityId(),
                  ownerSubject,
                  draftId,
                  messageId,
                  file.displayName(),
                  file.contentType(),
                  file.content(),
                  file.sha256(),
                  file.scanStatus(),
                  file.scanDetail())));
    } catch (KeyUnavailableException e) {
      LOG.severe(() -> "Upload refused, attachment encryption unavailable: " + e.getMessage());
      return UploadOutcome.refused(UploadOutcome.FIELD, AttachmentRefusal.STORAGE_UNAVAILABLE);
    }
  }

  /**
   * The files of mailbox messages, by message id, in upload order (visibility: the caller's scope
   * and RLS).
   */
  public java.util.Map<UUID, List<AttachmentSummary>> ofMessages(Collection<UUID> messageIds) {
    return messageIds.isEmpty() ? java.util.Map.of() : vault.listOfMessages(messageIds);
  }

  /**
   * Decrypts a file of a mailbox message; the mailbox has checked that the caller may read the
   * message. Empty if the file does not belong to that message.
   */
  public Optional<AttachmentDownload> downloadOfMessage(UUID attachmentId, UUID messageId) {
    return attachmentId == null || messageId == null
        ? Optional.empty()
        : vault.openOfMessage(attachmentId, messageId);
  }

  /**
   * The attachment's original bytes, if the caller may see it (citizen: own; staff: own
   * municipality's). Foreign and unknown ids are both empty.
   *
   * @throws eu.rathaus.attachments.domain.AttachmentTamperedException if the stored bytes were
   *     altered
   * @throws KeyUnavailableException if the keys to open it are not available
   */
  public Optional<AttachmentDownload> download(UUID id) {
    return id == null ? Optional.empty() : vault.open(id);
  }

  /** The signed-in citizen's attachments, newest first. */
  public List<AttachmentSummary> mine() {
    return vault.listMine();
  }

  /** The signed-in citizen's files of their draft (not yet submitted), in upload order. */
  public List<AttachmentSummary> ofDraft(UUID draftId) {
    return draftId == null ? List.of() : vault.listOfDraft(citizen(), draftId);
  }

  /**
   * Those of {@code ids} that really are the signed-in citizen's unsubmitted files of this draft.
   * Ids posted as answers are never trusted: whatever is not in this set is refused.
   */
  public Set<UUID> belongingTo(UUID draftId, Collection<UUID> ids) {
    return draftId == null ? Set.of() : vault.ofDraft(citizen(), draftId, ids);
  }

  /**
   * Removes one of the signed-in citizen's files from their draft: deleted, audited ({@code
   * attachment.removed}). False for foreign, submitted and unknown ids alike.
   */
  public boolean removeFromDraft(UUID draftId, UUID attachmentId) {
    if (draftId == null || attachmentId == null) {
      return false;
    }
    return vault.removeFromDraft(citizen(), draftId, attachmentId);
  }

  /** Links the draft's files to the submitted application, inside the submission's transaction. */
  public int linkToApplication(
      UUID draftId, Collection<UUID> ids, UUID applicationId, UUID municipalityId) {
    return vault.linkToApplication(citizen(), draftId, ids, applicationId, municipalityId);
  }

  /**
   * The files of a submitted application that the caller may see (citizen: own; staff: own
   * municipality).
   */
  public List<AttachmentSummary> ofApplication(UUID applicationId) {
    return vault.listOfApplication(applicationId);
  }

  private String citizen() {
    TenantScope scope = caller.get();
    if (scope.kind() != TenantScope.Kind.CITIZEN) {
      throw new IllegalStateException("Draft attachments belong to the signed-in citizen");
    }
    return scope.subject();
  }

  private UploadOutcome refuse(
      UUID municipalityId,
      UUID draftId,
      String field,
      AttachmentRefusal refusal,
      String detail,
      Object... arguments) {
    vault.recordRefusal(municipalityId, draftId, refusal, detail);
    return UploadOutcome.refused(field, refusal, arguments);
  }

  /** The stream's bytes, or null if it holds more than {@code max}. */
  static byte[] readAtMost(InputStream in, long max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (in) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > max) {
          return null;
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
  }

  /** "PDF, JPEG, PNG" from the allowed media types, for the message. */
  static String readableTypes(List<String> types) {
    return types.stream()
        .map(t -> t.substring(t.indexOf('/') + 1).replaceFirst("^x-", "").toUpperCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
