package eu.rathaus.registers.lostproperty.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A found item as the office's staff see it in their list: no finder data (that is read one item at
 * a time, audited), only whether a finder was recorded.
 *
 * @param claimCaseId the loss report confirmed as the owner's, or null
 */
public record FoundItem(
    UUID id,
    ItemCategory category,
    String description,
    String foundPlace,
    LocalDate foundOn,
    String keptAt,
    LocalDate deadline,
    boolean finderKeeps,
    ItemStatus status,
    boolean finderRecorded,
    UUID claimCaseId)
    implements Serializable {

  /** The short reference staff and the finder's notice use ({@link FinderNotice}). */
  public String reference() {
    return FinderNotice.shortReference(id);
  }
}
