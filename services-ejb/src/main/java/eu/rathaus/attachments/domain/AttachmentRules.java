package eu.rathaus.attachments.domain;

import java.io.Serializable;
import java.util.List;

/**
 * Limits for files a citizen attaches to an application. Content types are checked later against
 * the bytes of the upload (magic numbers), never against the file name.
 */
public record AttachmentRules(int maxCount, long maxSizeBytes, List<String> allowedContentTypes)
    implements Serializable {

  /** A version without attachment rules accepts no files. */
  public static final AttachmentRules NONE = new AttachmentRules(0, 1, List.of());

  public AttachmentRules {
    allowedContentTypes = List.copyOf(allowedContentTypes);
  }

  public boolean allows(String contentType) {
    return contentType != null && allowedContentTypes.contains(contentType);
  }
}
