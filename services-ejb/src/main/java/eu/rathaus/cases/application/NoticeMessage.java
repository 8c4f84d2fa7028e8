package eu.rathaus.cases.application;

/**
 * The mailbox message that carries a decision's PDF notice. Written in German, the authority's
 * language of procedure (§ 23 VwVfG); the notice itself is the attached PDF.
 */
final class NoticeMessage {

  private NoticeMessage() {}

  static String text(String reference, boolean approved) {
    return "Sehr geehrte Antragstellerin, sehr geehrter Antragsteller,\n\n"
        + "über Ihren Antrag "
        + reference
        + " wurde entschieden: "
        + (approved ? "Ihrem Antrag wird stattgegeben." : "Ihr Antrag wird abgelehnt.")
        + "\n"
        + "Den Bescheid mit der Begründung und der Rechtsbehelfsbelehrung finden Sie als PDF im Anhang "
        + "dieser Nachricht.\n\nMit freundlichen Grüßen\nIhre Verwaltung";
  }
}
