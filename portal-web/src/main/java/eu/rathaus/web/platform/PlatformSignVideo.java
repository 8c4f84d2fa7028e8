package eu.rathaus.web.platform;

import eu.rathaus.platform.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The platform's own explanation video in Deutsche Gebärdensprache, a file the operator provides:
 * {@code RATHAUS_SIGN_VIDEO} (MP4 or WebM) and {@code RATHAUS_SIGN_CAPTIONS} (its WebVTT captions;
 * without captions the video is not shown). Read from disk on each request: the operator may
 * replace the files without a restart.
 */
public final class PlatformSignVideo {

  private PlatformSignVideo() {}

  /** The two files, when both are configured and readable. */
  public record SignVideoFiles(Path video, String mediaType, Path captions) {}

  public static Optional<SignVideoFiles> configured() {
    Optional<Path> video = Settings.value("RATHAUS_SIGN_VIDEO").map(Path::of);
    Optional<Path> captions = Settings.value("RATHAUS_SIGN_CAPTIONS").map(Path::of);
    if (video.isEmpty() || captions.isEmpty()) {
      return Optional.empty();
    }
    if (!Files.isReadable(video.get()) || !Files.isReadable(captions.get())) {
      return Optional.empty();
    }
    String name = video.get().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    String type = name.endsWith(".webm") ? "video/webm" : "video/mp4";
    return Optional.of(new SignVideoFiles(video.get(), type, captions.get()));
  }
}
