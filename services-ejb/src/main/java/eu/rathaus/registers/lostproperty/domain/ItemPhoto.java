package eu.rathaus.registers.lostproperty.domain;

import java.io.Serializable;
import java.util.UUID;

/**
 * A photo of a found item: its bytes are an attachment (re-encoded without metadata); whether
 * anyone may see it is staff's decision, never the default (it may show a document or a face).
 *
 * @param altText what a screen reader says instead of the picture; shown to the public with it
 */
public record ItemPhoto(UUID id, UUID itemId, boolean isPublic, String altText)
    implements Serializable {

  public static final int ALT_MAX = 300;

  /** Photos an item may have. */
  public static final int MAX_PER_ITEM = 5;

  /** Whether {@code altText} may describe a photo: some text, not too long. */
  public static boolean altTextFits(String altText) {
    return altText != null && !altText.isBlank() && altText.strip().length() <= ALT_MAX;
  }
}
