package eu.rathaus.notices.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sender block of a notice: the issuing authority, its postal address and how it is reached.
 * Contact fields may be null; a municipality without stored letterhead data is headed with its name
 * only ({@link #nameOnly}), so a newly onboarded municipality can still issue notices. {@code logo}
 * is the PNG or JPEG printed above it, or null.
 */
public record Letterhead(
    String authorityName,
    List<String> addressLines,
    String phone,
    String email,
    String webAddress,
    byte[] logo) {

  /** A letterhead without a logo. */
  public Letterhead(
      String authorityName,
      List<String> addressLines,
      String phone,
      String email,
      String webAddress) {
    this(authorityName, addressLines, phone, email, webAddress, null);
  }

  public Letterhead {
    Objects.requireNonNull(authorityName, "authorityName");
    addressLines =
        addressLines == null
            ? List.of()
            : addressLines.stream().filter(l -> l != null && !l.isBlank()).toList();
  }

  public static Letterhead nameOnly(String municipalityName) {
    return new Letterhead(municipalityName, List.of(), null, null, null);
  }

  /** The authority and its address on one line, as the return-address line above the recipient. */
  public String returnAddress() {
    List<String> parts = new ArrayList<>();
    parts.add(authorityName);
    parts.addAll(addressLines);
    return String.join(" · ", parts);
  }
}
