package eu.rathaus.web.applications;

import java.util.Locale;

/** File sizes as people read them ("12 KB", "1,4 MB"), shared by the form and the receipt. */
public final class UploadSizes {

  private UploadSizes() {}

  public static String format(long bytes, Locale locale) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
