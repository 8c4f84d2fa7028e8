package eu.rathaus.attachments.infrastructure;

import eu.rathaus.attachments.domain.ContentTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Media types with Apache Tika's core MIME registry (magic numbers and glob patterns of
 * freedesktop.org's shared MIME info, maintained upstream). Only tika-core: no parsers, so a
 * hostile file is never parsed, only its first bytes compared with known signatures.
 *
 * <p>Detection never sees the name: the bytes alone decide. The name is looked at separately so a
 * file whose name lies about its content can be refused.
 */
@ApplicationScoped
public class TikaContentTypes implements ContentTypes {

  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
  private static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

  @Override
  public String detect(byte[] content) {
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return TYPES.detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String typeOfName(String fileName) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try {
      return TYPES.detect(null, metadata).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A name without a known extension claims nothing. Otherwise the bytes must be the claimed type
   * or a specialisation of it; unknown bytes never match a claimed type. The one exception: bytes
   * that are plain text may carry the name of a text format magic numbers cannot tell apart (CSV).
   */
  @Override
  public boolean consistent(String detected, String claimed) {
    if (claimed == null || UNKNOWN.equals(claimed)) {
      return true;
    }
    if (UNKNOWN.equals(detected)) {
      return false;
    }
    MediaType d = MediaType.parse(detected);
    MediaType c = MediaType.parse(claimed);
    if (d == null || c == null) {
      return false;
    }
    if (REGISTRY.isInstanceOf(d, c)) {
      return true;
    }
    return MediaType.TEXT_PLAIN.equals(d) && REGISTRY.isSpecializationOf(c, d);
  }

  /**
   * The type to check against the allowed list: the claimed one only where it refines plain text.
   */
  public static String effective(String detected, String claimed) {
    if (MediaType.TEXT_PLAIN.toString().equals(detected)
        && claimed != null
        && !UNKNOWN.equals(claimed)
        && REGISTRY.isSpecializationOf(MediaType.parse(claimed), MediaType.TEXT_PLAIN)) {
      return claimed;
    }
    return detected;
  }
}
