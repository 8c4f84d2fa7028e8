package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.attachments.application.UploadOutcome;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.attachments.domain.StrippedImage;
import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.registers.lostproperty.domain.ItemPhoto;
import eu.rathaus.registers.lostproperty.infrastructure.LostPropertySql;
import eu.rathaus.tenancy.application.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Photos of found items, taken by the office's staff. An upload goes through the attachment
 * pipeline (name, size, type from the bytes, malware scan — outside any transaction), is then
 * re-encoded so that no metadata survives ({@link StrippedImage}: no GPS position of the clerk's
 * phone, no camera serial) and only that copy is stored, encrypted under its own file key. A photo
 * is private unless staff make it public (a photo may show a document or a face); the public search
 * shows public photos of items still FOUND only. Every upload and every change of visibility is
 * audited.
 */
@ApplicationScoped
public class LostPropertyPhotos {

  /** The photo file field, for refusals. */
  public static final String FIELD = "photo";

  /** The alt text field, for refusals. */
  public static final String ALT_FIELD = "photoAlt";

  /** JPEG or PNG, up to 10 MB each, {@link ItemPhoto#MAX_PER_ITEM} per item. */
  public static final AttachmentRules RULES =
      new AttachmentRules(
          ItemPhoto.MAX_PER_ITEM, 10L * 1024 * 1024, List.of("image/jpeg", "image/png"));

  /** A stored photo's id, or the refused field with its message key. */
  public record Outcome(UUID photoId, FieldProblem problem) implements Serializable {
    public boolean isStored() {
      return photoId != null;
    }

    static Outcome refused(String field, String key, Object... arguments) {
      return new Outcome(null, FieldProblem.of(field, key, arguments));
    }
  }

  @Inject AttachmentService attachments;
  @Inject LostPropertySql sql;
  @Inject CallerScope caller;
  @Inject AuditLog audit;
  @Inject LostPropertyPhotos self;

  /**
   * Adds a photo to one of the municipality's items. Not transactional itself: the malware scan
   * must hold no database connection; the photo row and its attachment are then written in one
   * transaction.
   */
  public Outcome add(
      UUID item, String fileName, InputStream content, String altText, boolean isPublic) {
    TenantScope scope = staff();
    if (!ItemPhoto.altTextFits(altText)) {
      return Outcome.refused(ALT_FIELD, "lostproperty.photo.problem.alt", ItemPhoto.ALT_MAX);
    }
    if (item == null || !self.itemExists(item)) {
      return Outcome.refused(FIELD, "lostproperty.photo.problem.item");
    }
    AttachmentService.Checked checked =
        attachments.check(scope.municipalityId(), item, fileName, content, RULES);
    if (checked.refused() != null) {
      FieldProblem problem = checked.refused().getProblem();
      return new Outcome(null, new FieldProblem(FIELD, problem.messageKey(), problem.arguments()));
    }
    Optional<StrippedImage> stripped =
        StrippedImage.of(checked.file().content(), checked.file().contentType());
    if (stripped.isEmpty()) {
      return Outcome.refused(FIELD, "lostproperty.photo.problem.image");
    }
    AttachmentService.CheckedFile file =
        checked.file().withContent(stripped.get().content(), stripped.get().contentType());
    return self.store(item, file, altText.strip(), isPublic);
  }

  @Transactional
  @TenantScoped
  public boolean itemExists(UUID item) {
    return sql.item(staff().municipalityId(), item).isPresent();
  }

  /** Stores the stripped photo and its row, audited; refuses a photo beyond the item's limit. */
  @Transactional
  @TenantScoped
  public Outcome store(
      UUID item, AttachmentService.CheckedFile file, String altText, boolean isPublic) {
    TenantScope scope = staff();
    if (sql.lockAndCountPhotos(scope.municipalityId(), item) >= ItemPhoto.MAX_PER_ITEM) {
      return Outcome.refused(FIELD, "lostproperty.photo.problem.tooMany", ItemPhoto.MAX_PER_ITEM);
    }
    UploadOutcome stored = attachments.storeForStaff(file);
    if (!stored.isStored()) {
      FieldProblem problem = stored.getProblem();
      return new Outcome(null, new FieldProblem(FIELD, problem.messageKey(), problem.arguments()));
    }
    UUID id = UUID.randomUUID();
    sql.insertPhoto(
        id,
        scope.municipalityId(),
        item,
        stored.getStored().getId(),
        isPublic,
        altText,
        scope.subject());
    audit.record(
        new AuditEvent(
            scope.subject(),
            "lostproperty.photo.add",
            "found_item",
            item.toString(),
            scope.municipalityId(),
            "photo " + id + (isPublic ? " public" : " private")));
    return new Outcome(id, null);
  }

  /** Shows a photo in the public search or hides it again; false if it is none of theirs. */
  @Transactional
  @TenantScoped
  public boolean setPublic(UUID photo, boolean isPublic) {
    TenantScope scope = staff();
    if (photo == null || !sql.setPhotoPublic(scope.municipalityId(), photo, isPublic)) {
      return false;
    }
    audit.record(
        new AuditEvent(
            scope.subject(),
            isPublic ? "lostproperty.photo.publish" : "lostproperty.photo.hide",
            "found_item_photo",
            photo.toString(),
            scope.municipalityId(),
            null));
    return true;
  }

  private TenantScope staff() {
    return Callers.staff(caller, "photos of found items are taken by a municipality's staff");
  }
}
