package eu.rathaus.web.catalogue;

import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import eu.rathaus.tenancy.application.SignLanguageVideos;
import eu.rathaus.web.platform.PlatformSignVideo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The public page in Deutsche Gebärdensprache (issue 17, BITV 2.0 section 4): the platform's
 * explanation video (a file the operator configures) and, with {@code ?m=slug}, the municipality's
 * own video with its captions. Request-scoped and without a form, so reading it keeps no state.
 */
@Named
@RequestScoped
public class SignLanguageView {

  @Inject MunicipalityDirectory directory;
  @Inject SignLanguageVideos videos;
  @Inject jakarta.servlet.http.HttpServletRequest request;

  private String m;
  private MunicipalitySummary municipality;
  private boolean municipalityVideo;

  /** View action: 404 for unknown or suspended municipalities. */
  public void load() {
    if (m == null || m.isBlank()) {
      return;
    }
    Optional<MunicipalitySummary> found = directory.activeBySlug(m);
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    municipality = found.get();
    municipalityVideo = videos.has(municipality.id());
  }

  public String getM() {
    return m;
  }

  public void setM(String m) {
    this.m = m;
  }

  public String getMunicipalityName() {
    return municipality == null ? null : municipality.name();
  }

  public boolean isMunicipalityVideo() {
    return municipalityVideo;
  }

  public String getVideoUrl() {
    return media("municipality/video?m=" + URLEncoder.encode(m, StandardCharsets.UTF_8));
  }

  public String getCaptionsUrl() {
    return media("municipality/captions?m=" + URLEncoder.encode(m, StandardCharsets.UTF_8));
  }

  public boolean isPlatformVideo() {
    return PlatformSignVideo.configured().isPresent();
  }

  public String getPlatformVideoUrl() {
    return media("platform/video");
  }

  public String getPlatformCaptionsUrl() {
    return media("platform/captions");
  }

  private String media(String path) {
    return request.getContextPath() + SignLanguageMediaServlet.PATH + "/" + path;
  }
}
