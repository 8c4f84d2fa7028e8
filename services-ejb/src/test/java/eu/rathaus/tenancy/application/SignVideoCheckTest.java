package eu.rathaus.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignVideoCheckTest {

  /** The start of a WebM file: the EBML header with DocType "webm". */
  static final byte[] WEBM =
      HexFormat.of()
          .parseHex(
              "1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102"
                  + "18538067010000000000000000");

  private static final byte[] VTT =
      "WEBVTT\n\n00:00.000 --> 00:02.000\nGuten Tag.\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void aWebmVideoWithWebVttCaptionsIsAccepted() {
    SignVideoCheck.Result result = SignVideoCheck.check(WEBM, VTT);
    assertThat(result.accepted()).isTrue();
    assertThat(result.mediaType()).isEqualTo("video/webm");
    assertThat(result.captions()).startsWith("WEBVTT").contains("Guten Tag.");
  }

  @Test
  void anMp4VideoIsRecognisedByItsFileTypeBox() {
    byte[] mp4 = HexFormat.of().parseHex("0000001c6674797069736f6d0000020069736f6d69736f32");
    assertThat(SignVideoCheck.check(mp4, VTT).mediaType()).isEqualTo("video/mp4");
  }

  @Test
  void aVideoWithoutCaptionsIsRefusedAtTheCaptionsField() {
    SignVideoCheck.Result result = SignVideoCheck.check(WEBM, new byte[0]);
    assertThat(result.field()).isEqualTo(SignLanguageVideos.CAPTIONS);
    assertThat(result.problemKey()).isEqualTo("settings.signCaptions.missing");
  }

  @Test
  void aTextFileIsNoVideoAndAnSrtFileIsNoWebVtt() {
    assertThat(
            SignVideoCheck.check("kein Video".getBytes(StandardCharsets.UTF_8), VTT).problemKey())
        .isEqualTo("settings.signVideo.type");
    byte[] srt = "1\n00:00:00,000 --> 00:00:02,000\nHallo\n".getBytes(StandardCharsets.UTF_8);
    assertThat(SignVideoCheck.check(WEBM, srt).problemKey())
        .isEqualTo("settings.signCaptions.format");
    assertThat(SignVideoCheck.check(new byte[0], VTT).problemKey())
        .isEqualTo("settings.signVideo.empty");
  }

  @Test
  void tooLargeFilesAreRefusedBeforeAnythingElse() {
    assertThat(SignVideoCheck.check(new byte[SignVideoCheck.MAX_VIDEO_BYTES + 1], VTT).problemKey())
        .isEqualTo("settings.signVideo.tooLarge");
    assertThat(
            SignVideoCheck.check(WEBM, new byte[SignVideoCheck.MAX_CAPTION_BYTES + 1]).problemKey())
        .isEqualTo("settings.signCaptions.tooLarge");
  }
}
