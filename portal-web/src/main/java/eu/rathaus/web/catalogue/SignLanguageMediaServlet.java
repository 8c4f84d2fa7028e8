package eu.rathaus.web.catalogue;

import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.tenancy.application.SignLanguageVideos;
import eu.rathaus.web.platform.PlatformSignVideo;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Serves the sign-language videos and their captions from the portal itself (no video platform
 * learns who watches): {@code municipality/video|captions?m=slug} from the municipality's profile,
 * {@code platform/video|captions} from the operator's files. Public and stateless; 404 for anything
 * that does not exist (or a suspended municipality).
 */
@WebServlet(SignLanguageMediaServlet.PATH + "/*")
public class SignLanguageMediaServlet extends HttpServlet {

  static final String PATH = "/sign-language";
  private static final long serialVersionUID = 1L;
  private static final String VTT = "text/vtt;charset=UTF-8";

  @Inject transient MunicipalityDirectory directory;
  @Inject transient SignLanguageVideos videos;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (path) {
      case "/municipality/video" -> {
        Optional<SignLanguageVideos.Video> video =
            municipality(request).flatMap(m -> videos.video(m.id()));
        if (video.isPresent()) {
          send(response, video.get().mediaType(), video.get().content());
          return;
        }
      }
      case "/municipality/captions" -> {
        Optional<String> captions = municipality(request).flatMap(m -> videos.captions(m.id()));
        if (captions.isPresent()) {
          send(response, VTT, captions.get().getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
      case "/platform/video" -> {
        Optional<PlatformSignVideo.SignVideoFiles> files = PlatformSignVideo.configured();
        if (files.isPresent()) {
          send(response, files.get().mediaType(), Files.readAllBytes(files.get().video()));
          return;
        }
      }
      case "/platform/captions" -> {
        Optional<PlatformSignVideo.SignVideoFiles> files = PlatformSignVideo.configured();
        if (files.isPresent()) {
          send(response, VTT, Files.readAllBytes(files.get().captions()));
          return;
        }
      }
      default -> {
        // nothing else lives here
      }
    }
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }

  private Optional<MunicipalitySummary> municipality(HttpServletRequest request) {
    String slug = request.getParameter("m");
    return slug == null || slug.isBlank() ? Optional.empty() : directory.activeBySlug(slug);
  }

  private static void send(HttpServletResponse response, String type, byte[] content)
      throws IOException {
    response.setContentType(type);
    response.setContentLengthLong(content.length);
    // Public media: a short cache, so a replaced video shows within minutes.
    response.setHeader("Cache-Control", "public, max-age=300");
    response.getOutputStream().write(content);
  }
}
