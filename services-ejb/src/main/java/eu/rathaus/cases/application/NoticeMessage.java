package eu.rathaus.cases.application;

/**
 * The mailbox message that carries a decision's PDF notice. Written in German, the authority's
 * language of procedure (§ 23 VwVfG); the notice itself is the attached PDF.
 */
final class NoticeMessage {

  private NoticeMessage() {}

  static String text(String reference, boolean approved, String language) {
    if ("en".equals(language)) {
      return "Dear applicant,\n\n"
          + "a decision has been made on your application "
          + reference
          + ": "
          + (approved ? "your application is granted." : "your application is rejected.")
          + "\n"
          + "The notice with the statement of reasons and the information on legal remedies is"
          + " attached to this message as a PDF.\n\nYours sincerely\nYour administration";
    }
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
