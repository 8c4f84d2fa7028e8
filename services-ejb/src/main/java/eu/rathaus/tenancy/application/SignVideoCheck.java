package eu.rathaus.tenancy.application;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Checks a sign-language video and its captions before they are stored: MP4 or WebM as the bytes
 * say (Tika's magic numbers, as for the logo), at most {@link #MAX_VIDEO_BYTES}; captions are
 * required, UTF-8 WebVTT (the file starts with "WEBVTT"), at most {@link #MAX_CAPTION_BYTES}.
 */
public final class SignVideoCheck {

  public static final int MAX_VIDEO_BYTES = 20 * 1024 * 1024;
  public static final int MAX_CAPTION_BYTES = 256 * 1024;
  private static final Set<String> TYPES = Set.of("video/mp4", "video/webm");

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
    String type = LogoCheck.detect(video);
    if (!TYPES.contains(type)) {
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

  private static Result refused(String field, String key) {
    return new Result(null, null, field, key);
  }
}
