package eu.rathaus.web.admin;

import eu.rathaus.portability.application.PortabilityJobs;
import eu.rathaus.web.session.SessionUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Downloads of the portability page, for the platform admin only (web.xml guards {@code /admin/*},
 * {@link PortabilityJobs} checks the platform scope again): {@code /admin/portability/archive?job=}
 * the archive of a finished export (audited), {@code /admin/portability/public-key.jwks} this
 * installation's public portability keys. An unknown or unfinished job is a 404, a malformed one a
 * 400.
 */
@WebServlet({"/admin/portability/archive", "/admin/portability/public-key.jwks"})
public class PortabilityArchiveServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject PortabilityJobs jobs;
  @Inject SessionUser sessionUser;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (request.getServletPath().endsWith(".jwks")) {
      byte[] keys = jobs.publicKeys().getBytes(StandardCharsets.UTF_8);
      response.setContentType("application/jwk-set+json");
      response.setHeader("Content-Disposition", "attachment; filename=\"portability-public.jwks\"");
      response.setContentLength(keys.length);
      response.getOutputStream().write(keys);
      return;
    }
    UUID job;
    try {
      job = UUID.fromString(String.valueOf(request.getParameter("job")));
    } catch (IllegalArgumentException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    String actor = sessionUser.isSignedIn() ? sessionUser.getUser().subject() : "unknown";
    Optional<Path> file = jobs.archive(job, actor);
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String slug = jobs.job(job).map(j -> j.slug()).orElse("kommune");
    response.setContentType("application/octet-stream");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + slug + ".rathaus-export\"");
    response.setContentLengthLong(Files.size(file.get()));
    Files.copy(file.get(), response.getOutputStream());
  }
}
