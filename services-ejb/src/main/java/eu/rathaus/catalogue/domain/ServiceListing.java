package eu.rathaus.catalogue.domain;

import eu.rathaus.identity.LevelOfAssurance;
import java.io.Serializable;
import java.util.Objects;

/**
 * One offered service as catalogue pages and the public API list it: the current published
 * version's key facts, read from the columns V3 copies out of the form so a listing never parses
 * form documents. The fee is a range because a fee "by choice" depends on what the citizen picks;
 * for a fixed fee both ends are equal.
 */
public record ServiceListing(
    String serviceKey,
    String category,
    LocalizedText title,
    LocalizedText description,
    int versionNumber,
    Money feeFrom,
    Money feeTo,
    LevelOfAssurance requiredLevel,
    int processingDays)
    implements Serializable {

  public ServiceListing {
    Objects.requireNonNull(serviceKey, "serviceKey");
    Objects.requireNonNull(feeFrom, "feeFrom");
    Objects.requireNonNull(feeTo, "feeTo");
    if (feeTo.compareTo(feeFrom) < 0) {
      throw new IllegalArgumentException("Fee range inverted: " + feeFrom + " > " + feeTo);
    }
  }

  /** True if the fee does not depend on the answers. */
  public boolean hasSingleFee() {
    return feeFrom.equals(feeTo);
  }
}
