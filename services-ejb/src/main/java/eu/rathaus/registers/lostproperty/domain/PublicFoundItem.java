package eu.rathaus.registers.lostproperty.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A found item as anyone may see it: what, where and when, where it is kept, the photos staff made
 * public; nobody's data.
 */
public record PublicFoundItem(
    UUID id,
    ItemCategory category,
    String description,
    String foundPlace,
    LocalDate foundOn,
    String keptAt,
    List<ItemPhoto> photos)
    implements Serializable {

  public PublicFoundItem {
    photos = List.copyOf(photos);
  }

  /** An item without (public) photos. */
  public PublicFoundItem(
      UUID id,
      ItemCategory category,
      String description,
      String foundPlace,
      LocalDate foundOn,
      String keptAt) {
    this(id, category, description, foundPlace, foundOn, keptAt, List.of());
  }

  /** The same item with these photos. */
  public PublicFoundItem withPhotos(List<ItemPhoto> shown) {
    return new PublicFoundItem(id, category, description, foundPlace, foundOn, keptAt, shown);
  }
}
