package eu.rathaus.attachments.domain;

/**
 * Media types of uploads. {@link #detect} looks at the bytes only (magic numbers); the name is
 * consulted separately, only to refuse files whose bytes contradict their name.
 */
public interface ContentTypes {

  /**
   * The media type the bytes are, e.g. {@code application/pdf}; {@code application/octet-stream} if
   * unknown.
   */
  String detect(byte[] content);

  /** The media type a file name claims by its extension, or {@code application/octet-stream}. */
  String typeOfName(String fileName);

  /**
   * True if {@code detected} is {@code claimed} or a specialisation of it (or the name claims
   * nothing).
   */
  boolean consistent(String detected, String claimed);
}
