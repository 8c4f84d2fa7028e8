package eu.rathaus.messaging.application;

import java.util.Objects;

/**
 * A file to send with a message, as received from a form or generated (a PDF notice). The content
 * type is only what the sender claims: the attachment pipeline determines the real type from the
 * bytes.
 */
public record OutgoingFile(String displayName, String contentType, byte[] content) {

  public OutgoingFile {
    Objects.requireNonNull(content, "content");
  }
}
