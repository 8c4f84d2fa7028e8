package eu.rathaus.attachments.domain;

/**
 * Why an upload was not stored, each with the web bundle's message key (German and English texts
 * under {@code attachment.error.*}), so the page can say it next to the file field.
 */
public enum AttachmentRefusal {
  BAD_NAME("attachment.error.badName"),
  EMPTY("attachment.error.empty"),
  TOO_LARGE("attachment.error.tooLarge"),
  TOO_MANY("attachment.error.tooMany"),
  TYPE_NOT_ALLOWED("attachment.error.typeNotAllowed"),
  TYPE_MISMATCH("attachment.error.typeMismatch"),
  MALWARE_FOUND("attachment.error.malware"),
  SCANNER_UNAVAILABLE("attachment.error.scannerUnavailable"),
  STORAGE_UNAVAILABLE("attachment.error.storageUnavailable");

  private final String messageKey;

  AttachmentRefusal(String messageKey) {
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
