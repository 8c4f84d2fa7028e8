package eu.rathaus.registers.lostproperty.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of item was found or lost: the fixed list of the "Fundsache / Verlust melden" form
 * (field {@code itemCategory}) and of the V42 check constraint.
 */
public enum ItemCategory {
  WALLET,
  PHONE,
  KEYS,
  BAG,
  DOCUMENTS,
  BICYCLE,
  OTHER;

  /** The key in the form's answers and in the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The category of a key, if it is one. */
  public static Optional<ItemCategory> of(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String wanted = key.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.key().equals(wanted)).findFirst();
  }
}
