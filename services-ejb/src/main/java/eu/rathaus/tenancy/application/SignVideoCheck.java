package eu.rathaus.tenancy.application;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a sign-language video and its captions before they are stored: MP4 or WebM as the bytes
 * say (their container signature), at most {@link #MAX_VIDEO_BYTES}; captions are required, UTF-8
 * WebVTT (the file starts with "WEBVTT"), at most {@link #MAX_CAPTION_BYTES}.
 */
public final class SignVideoCheck {

  public static final int MAX_VIDEO_BYTES = 20 * 1024 * 1024;
  public static final int MAX_CAPTION_BYTES = 256 * 1024;

  private SignVideoCheck() {}

  /** The outcome: media type and caption text, or the field and message key of the refusal. */
  public record Result(String mediaType, String captions, String field, String problemKey) {
    public boolean accepted() {
      return problemKey == null;
    }
  }

  public static Result check(byte[] video, byte[] captions) {
    if (video == null || video.length == 0) {
      return refused(SignLanguageVideos.VIDEO, "settings.signVideo.empty");
    }
    if (video.length > MAX_VIDEO_BYTES) {
      return refused(SignLanguageVideos.VIDEO, "settings.signVideo.tooLarge");
    }
    String type = mediaType(video);
    if (type == null) {
      return refused(SignLanguageVideos.VIDEO, "settings.signVideo.type");
    }
    if (captions == null || captions.length == 0) {
      return refused(SignLanguageVideos.CAPTIONS, "settings.signCaptions.missing");
    }
    if (captions.length > MAX_CAPTION_BYTES) {
      return refused(SignLanguageVideos.CAPTIONS, "settings.signCaptions.tooLarge");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(captions))
              .toString();
    } catch (CharacterCodingException e) {
      return refused(SignLanguageVideos.CAPTIONS, "settings.signCaptions.format");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    // WebVTT: the signature, then a space, tab or line end (W3C WebVTT, file structure).
    if (!text.matches("(?s)WEBVTT([ \\t\\r\\n].*)?") || !text.contains("-->")) {
      return refused(SignLanguageVideos.CAPTIONS, "settings.signCaptions.format");
    }
    return new Result(type, text, null, null);
  }

  /**
   * MP4 or WebM by the container's signature. Not Tika's magic numbers as for the logo: they tell
   * WebM only as "Matroska" (the DocType needs a container parser) and MP4 only for two of its
   * brands.
   */
  static String mediaType(byte[] content) {
    if (content.length >= 12
        && new String(content, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")
        && !new String(content, 8, 4, StandardCharsets.ISO_8859_1).equals("qt  ")) {
      return "video/mp4";
    }
    if (content.length >= 8
        && (content[0] & 0xFF) == 0x1A
        && (content[1] & 0xFF) == 0x45
        && (content[2] & 0xFF) == 0xDF
        && (content[3] & 0xFF) == 0xA3
        && new String(content, 4, Math.min(60, content.length - 4), StandardCharsets.ISO_8859_1)
            .contains("webm")) {
      return "video/webm";
    }
    return null;
  }

  private static Result refused(String field, String key) {
    return new Result(null, null, field, key);
  }
}
