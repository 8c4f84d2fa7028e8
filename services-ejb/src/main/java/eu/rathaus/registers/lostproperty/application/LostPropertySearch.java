package eu.rathaus.registers.lostproperty.application;

import eu.rathaus.attachments.application.AttachmentDownload;
import eu.rathaus.attachments.application.AttachmentService;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.ItemPhoto;
import eu.rathaus.registers.lostproperty.domain.PublicFoundItem;
import eu.rathaus.registers.lostproperty.infrastructure.LostPropertySql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public search of a municipality's found items (no sign-in): category, date range, place and
 * words. It returns no personal data — the finder lives in another table that no public scope can
 * read (V42) — and only items that are still FOUND.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class LostPropertySearch {

  public static final int LIMIT = 100;

  /** What is searched for; null or blank parts do not filter. */
  public record Criteria(
      Optional<ItemCategory> category, LocalDate from, LocalDate to, String place, String words) {}

  @Inject LostPropertySql sql;
  @Inject AttachmentService attachments;

  public List<PublicFoundItem> search(UUID municipality, Criteria criteria) {
    List<PublicFoundItem> found =
        sql.search(
            municipality,
            criteria.category().map(ItemCategory::key).orElse(null),
            criteria.from(),
            criteria.to(),
            blankToNull(criteria.place()),
            blankToNull(criteria.words()),
            LIMIT);
    Map<UUID, List<ItemPhoto>> photos =
        sql.photos(found.stream().map(PublicFoundItem::id).toList(), true);
    return found.stream().map(i -> i.withPhotos(photos.getOrDefault(i.id(), List.of()))).toList();
  }

  /**
   * The bytes of a public photo of an item still FOUND, for an anonymous caller (the web layer asks
   * in the anonymous scope whoever is signed in: what the public sees is the same for everyone);
   * empty for any other photo, scope or id.
   */
  public Optional<AttachmentDownload> publicPhoto(UUID photo) {
    return photo == null
        ? Optional.empty()
        : sql.publicPhotoAttachment(photo).flatMap(attachments::downloadPublished);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
