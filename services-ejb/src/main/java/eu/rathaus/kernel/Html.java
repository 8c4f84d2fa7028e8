package eu.rathaus.kernel;

/** Escaping for text that goes into HTML or SVG written by hand (element content, attributes). */
public final class Html {

  private Html() {}

  /** The five markup-significant characters as entities ({@code &} first). */
  public static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
