package eu.rathaus.web.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered public pages of this node, least recently used dropped first (issue 16). Keys carry the
 * catalogue revision, so an entry of an older revision is never asked for again; when a newer
 * revision shows up, everything older is dropped at once to free the memory.
 */
@ApplicationScoped
public class RenderedPages {

  /** A catalogue page is 10–30 KB: at most a few MB of heap. */
  static final int MAX_ENTRIES = 256;

  /**
   * A page as sent: the body cut at each place where the response's CSP nonce goes (so a response
   * writes the parts and its own nonce between them, without copying the page), content type, ETag.
   */
  public record Page(byte[][] parts, String contentType, String etag) {

    /** Bytes of the body with a nonce of {@code nonceLength} bytes in every slot. */
    public int length(int nonceLength) {
      int length = (parts.length - 1) * nonceLength;
      for (byte[] part : parts) {
        length += part.length;
      }
      return length;
    }
  }

  private final Map<String, Page> pages =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  private long revision;

  /** The page for {@code key}, rendered at {@code revision}; null if not kept. */
  public synchronized Page get(long revision, String key) {
    forgetOlderThan(revision);
    return pages.get(key);
  }

  public synchronized void put(long revision, String key, Page page) {
    forgetOlderThan(revision);
    if (revision == this.revision) {
      pages.put(key, page);
    }
  }

  public synchronized int size() {
    return pages.size();
  }

  private void forgetOlderThan(long current) {
    if (current > revision) {
      pages.clear();
      revision = current;
    }
  }
}
