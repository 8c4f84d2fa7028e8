package eu.rathaus.registers.lostproperty.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the finder is told when an item's deadline passed: the mail templates, the finder's e-mail
 * address if staff recorded one as the contact (a phone number is no address: staff call), and the
 * item's reference in the mail, which carries no personal data and no description (that might name
 * the owner): "FB-1A2B3C4D, gefunden am 2026-06-07".
 */
public final class FinderNotice {

  /** The finder acquires the item (§ 973 BGB) and may collect it. */
  public static final String TO_FINDER = "lostproperty.finder.toFinder";

  /** The finder waived; the municipality keeps the item (§ 976 BGB). */
  public static final String TO_MUNICIPALITY = "lostproperty.finder.toMunicipality";

  /** As the outbox accepts it (V6), with a dot in the domain, at most 254 characters. */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;.]{2,}");

  private FinderNotice() {}

  /** The e-mail address in a recorded contact, if the contact is one (and nothing else). */
  public static Optional<String> emailOf(String contact) {
    if (contact == null) {
      return Optional.empty();
    }
    String text = contact.strip();
    if (text.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
      text = text.substring("mailto:".length());
    }
    return text.length() <= 254 && EMAIL.matcher(text).matches()
        ? Optional.of(text)
        : Optional.empty();
  }

  /** The item's short reference as staff see it too ({@code FB-} and the id's first 8 digits). */
  public static String shortReference(UUID item) {
    return "FB-" + item.toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  /** The reference the mail names the item by: short reference and finding date. */
  public static String reference(UUID item, LocalDate foundOn) {
    return shortReference(item) + ", " + foundOn;
  }
}
