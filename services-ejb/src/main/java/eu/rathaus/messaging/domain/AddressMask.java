package eu.rathaus.messaging.domain;

/**
 * Shows an e-mail address so that an administrator can recognise a typo or a dead domain without
 * the page becoming a list of citizens' addresses: first letter and domain only.
 */
public final class AddressMask {

  private AddressMask() {}

  public static String mask(String address) {
    if (address == null || address.isBlank()) {
      return "";
    }
    int at = address.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return address.charAt(0) + "***" + address.substring(at);
  }
}
