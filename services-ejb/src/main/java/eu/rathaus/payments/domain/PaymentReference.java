package eu.rathaus.payments.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The "Kassenzeichen" of a fee, as an ISO 11649 structured creditor reference ({@code RF} + two
 * check digits + up to 21 letters and digits). Using the international standard, rather than an own
 * check-digit scheme, lets the reference travel in the structured remittance field of SEPA
 * transfers and EPC QR codes, and lets banks reject mistyped references before the money moves.
 */
public final class PaymentReference {

  private static final Pattern BODY = Pattern.compile("[A-Z0-9]{1,21}");
  private static final Pattern FULL = Pattern.compile("RF[0-9]{2}[A-Z0-9]{1,21}");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private final String value;

  private PaymentReference(String value) {
    this.value = value;
  }

  /**
   * A reference for one fee: municipality code, year and a running number, e.g. {@code
   * RF71MUS2026000123} for Musterstadt's 123rd fee of 2026.
   */
  public static PaymentReference of(String municipalityCode, int year, long number) {
    if (number < 0 || number > 999_999_999L) {
      throw new IllegalArgumentException("running number out of range");
    }
    return withBody(
        municipalityCode.toUpperCase(Locale.ROOT)
            + year
            + String.format(Locale.ROOT, "%06d", number));
  }

  /** Adds the check digits to a body of 1 to 21 letters and digits. */
  public static PaymentReference withBody(String body) {
    if (body == null || !BODY.matcher(body).matches()) {
      throw new IllegalArgumentException(
          "reference body must be 1-21 upper-case letters or digits");
    }
    int check = 98 - mod97(body + "RF00");
    return new PaymentReference(String.format(Locale.ROOT, "RF%02d%s", check, body));
  }

  /**
   * Reads a reference as a person may type it (spaces, lower case); refuses wrong check digits.
   *
   * @throws IllegalArgumentException when the text is no valid ISO 11649 reference
   */
  public static PaymentReference parse(String text) {
    String compact = text == null ? "" : text.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!FULL.matcher(compact).matches()
        || mod97(compact.substring(4) + compact.substring(0, 4)) != 1) {
      throw new IllegalArgumentException("not a valid creditor reference");
    }
    return new PaymentReference(compact);
  }

  /** Letters count as 10 (A) to 35 (Z), as for IBANs. */
  private static int mod97(String text) {
    StringBuilder digits = new StringBuilder(text.length() * 2);
    for (char c : text.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }

  public String value() {
    return value;
  }

  /** Groups of four, as printed on notices and receipts: {@code RF71 MUS2 0260 0012 3}. */
  public String printed() {
    return value.replaceAll("(.{4})(?!$)", "$1 ");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PaymentReference ref && ref.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
