package eu.rathaus.attachments.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The name a citizen's file is shown and downloaded under.
 *
 * <p>Why refuse rather than repair path-like names: a name with separators or {@code ..} is either
 * a mistake of a broken client or an attack on whoever later saves the file (zip export, a clerk's
 * download folder); silently cutting it would hide the attack and confuse the honest user. Control
 * and bidirectional formatting characters are refused because they make a name look like something
 * else ({@code "rechnung\u202Efdp.exe"} displays as {@code rechnungexe.pdf}). Characters that are
 * merely awkward on some file systems are replaced, so the display name stays safe everywhere.
 */
public final class AttachmentName {

  /** Longest accepted name, in characters after normalisation. */
  public static final int MAX_LENGTH = 200;

  private static final String AWKWARD = ":*?\"<>|";

  private final String value;

  private AttachmentName(String value) {
    this.value = value;
  }

  /** The sanitized name, or empty if the raw name must be refused. */
  public static Optional<AttachmentName> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.contains("..")) {
      return Optional.empty();
    }
    StringBuilder clean = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE
          || type == Character.SURROGATE) {
        return Optional.empty();
      }
      if (AWKWARD.indexOf(cp) >= 0) {
        clean.append('_');
      } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        clean.append(' ');
      } else {
        clean.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    String result = clean.toString().replaceAll(" {2,}", " ");
    if (result.startsWith(".")) {
      // Hidden files on Unix, and ".pdf" has no name at all.
      return Optional.empty();
    }
    return Optional.of(new AttachmentName(result));
  }

  public String value() {
    return value;
  }

  /** The extension without the dot, lower case, or empty. */
  public String extension() {
    int dot = value.lastIndexOf('.');
    return dot < 0 || dot == value.length() - 1
        ? ""
        : value.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
