package eu.rathaus.web.catalogue;

import eu.rathaus.catalogue.application.CatalogueRevision;
import eu.rathaus.web.platform.SecurityHeadersFilter;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Conditional GETs and a response cache for the public pages that are the same for every visitor
 * (issue 16): the start page, a municipality's catalogue and a service page, for visitors without a
 * session.
 *
 * <p>The ETag is derived from the page address, the language and the {@link CatalogueRevision}, a
 * number the database bumps in the transaction of every publish, retirement or change of public
 * municipality data. A revalidation ({@code If-None-Match}) is answered with 304; a page rendered
 * before at the same revision comes from {@link RenderedPages} without rendering, written as kept
 * (in parts, the response's nonce between them). Because every request takes a revision read from
 * the database after it arrived (concurrent requests share one such read, see {@link
 * CatalogueRevision}), a change on one node reaches every node at once.
 *
 * <p>Mapped to the Faces servlet by name, so it runs after every URL-pattern filter (security
 * headers, readiness, language): a page from the cache carries the same headers as a rendered one.
 * The CSP nonce stays per response: a kept page holds a placeholder where the nonce was, filled
 * with each response's own nonce; a 304 sends no policy header, so the browser keeps the policy
 * that came with its copy (and whose nonce that copy carries).
 */
@WebFilter(servletNames = "Faces Servlet")
public class PublicPageCache extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PublicPageCache.class.getName());

  /** Stands for the response's CSP nonce in a kept page; never a base64 character sequence. */
  static final String NONCE_SLOT = "{{rathaus-csp-nonce}}";

  static final Set<String> PAGES = Set.of("/index.xhtml", "/municipality.xhtml", "/service.xhtml");

  /** What a rendered page depends on besides data: templates and texts of this build. */
  private static final String[] BUILD_FILES = {
    "/WEB-INF/templates/layout.xhtml", "/index.xhtml", "/municipality.xhtml", "/service.xhtml"
  };

  private static final String[] BUNDLES = {
    "eu/rathaus/web/i18n/messages.properties",
    "eu/rathaus/web/i18n/messages_de.properties",
    "eu/rathaus/web/i18n/messages_en.properties"
  };

  @Inject CatalogueRevision revisions;
  @Inject RenderedPages rendered;

  private String build;
  private Instant started;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    build = buildFingerprint(config.getServletContext());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!cacheable(request)) {
      chain.doFilter(request, response);
      return;
    }
    CatalogueRevision.Current current;
    try {
      current = revisions.current();
    } catch (RuntimeException e) {
      // No revision, no cache: the page itself meets the same database and answers for it.
      LOG.log(Level.WARNING, "Catalogue revision not readable: {0}", e.toString());
      chain.doFilter(request, response);
      return;
    }
    String key = keyOf(request, LocaleSelection.languageOf(request));
    Instant lastModified =
        current.changedAt().isAfter(started)
            ? current.changedAt().truncatedTo(ChronoUnit.SECONDS)
            : started;
    boolean keep = request.getParameter("q") == null;
    RenderedPages.Page page = keep ? rendered.get(current.revision(), key) : null;
    if (page != null) {
      send(request, response, page, lastModified);
      return;
    }
    String etag = etagOf(build, key, current.revision());
    CapturedResponse captured = new CapturedResponse(response);
    chain.doFilter(request, captured);
    if (captured.passedOn()) {
      return;
    }
    byte[] body = captured.body();
    String contentType = response.getContentType();
    if (captured.status() != HttpServletResponse.SC_OK) {
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    page = new RenderedPages.Page(parts(withSlot(body, nonceOf(request))), contentType, etag);
    if (keep) {
      rendered.put(current.revision(), key, page);
    }
    send(request, response, page, lastModified);
  }

  /** Anonymous GETs of the same-for-everyone pages; {@code ?lang} sets a cookie, so never. */
  static boolean cacheable(HttpServletRequest request) {
    return "GET".equals(request.getMethod())
        && PAGES.contains(request.getServletPath())
        && request.getParameter("lang") == null
        && request.getSession(false) == null
        && request.getUserPrincipal() == null;
  }

  static String keyOf(HttpServletRequest request, String language) {
    String query = request.getQueryString();
    return request.getServletPath() + "?" + (query == null ? "" : query) + "|" + language;
  }

  static String etagOf(String build, String key, long revision) {
    return "\"" + revision + "-" + sha256(build + "|" + key).substring(0, 24) + "\"";
  }

  /** True when an {@code If-None-Match} value names {@code etag} (weak comparison, RFC 9110). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static void send(
      HttpServletRequest request,
      HttpServletResponse response,
      RenderedPages.Page page,
      Instant lastModified)
      throws IOException {
    response.setHeader("ETag", page.etag());
    response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
    // Revalidate every time (cheap: a 304), so a publish shows at once; the language cookie varies.
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Vary", "Cookie");
    String ifNoneMatch = request.getHeader("If-None-Match");
    long ifModifiedSince = ifNoneMatch == null ? request.getDateHeader("If-Modified-Since") : -1;
    if (matches(ifNoneMatch, page.etag())
        || (ifModifiedSince >= 0 && lastModified.toEpochMilli() <= ifModifiedSince)) {
      // A 304's headers replace the stored ones: a new nonce would block the copy's scripts.
      response.setHeader("Content-Security-Policy", null);
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    if (page.contentType() != null) {
      response.setContentType(page.contentType());
    }
    String nonce = nonceOf(request);
    byte[] nonceBytes = (nonce == null ? "" : nonce).getBytes(StandardCharsets.ISO_8859_1);
    response.setContentLength(page.length(nonceBytes.length));
    ServletOutputStream out = response.getOutputStream();
    byte[][] parts = page.parts();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.write(nonceBytes);
      }
      out.write(parts[i]);
    }
  }

  private static String nonceOf(HttpServletRequest request) {
    Object nonce = request.getAttribute(SecurityHeadersFilter.NONCE_ATTRIBUTE);
    return nonce instanceof String value && !value.isEmpty() ? value : null;
  }

  /** The body with this response's nonce replaced by {@link #NONCE_SLOT}. */
  static byte[] withSlot(byte[] body, String nonce) {
    if (nonce == null) {
      return body;
    }
    // ISO-8859-1 maps every byte to one char and back, so the UTF-8 body passes through intact.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    // 128 random bits in base64: the value occurs nowhere else in a page (attribute or script).
    return text.replace(nonce, NONCE_SLOT).getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * A kept body cut at every {@link #NONCE_SLOT}: a response sends the parts with its own nonce
   * between them, so a page from the cache is written as it is kept, never copied.
   */
  static byte[][] parts(byte[] kept) {
    byte[] slot = NONCE_SLOT.getBytes(StandardCharsets.ISO_8859_1);
    List<byte[]> parts = new ArrayList<>();
    int from = 0;
    for (int at = indexOf(kept, slot, 0); at >= 0; at = indexOf(kept, slot, from)) {
      parts.add(Arrays.copyOfRange(kept, from, at));
      from = at + slot.length;
    }
    parts.add(Arrays.copyOfRange(kept, from, kept.length));
    return parts.toArray(new byte[0][]);
  }

  private static int indexOf(byte[] body, byte[] slot, int from) {
    outer:
    for (int i = from; i <= body.length - slot.length; i++) {
      for (int j = 0; j < slot.length; j++) {
        if (body[i + j] != slot[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A kept body with {@link #NONCE_SLOT} filled with this response's nonce (as sent). */
  static byte[] withNonce(byte[] kept, String nonce) {
    byte[][] parts = parts(kept);
    byte[] value = (nonce == null ? "" : nonce).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(kept.length);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.writeBytes(value);
      }
      out.writeBytes(parts[i]);
    }
    return out.toByteArray();
  }

  private static String buildFingerprint(ServletContext context) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String file : BUILD_FILES) {
        try (InputStream in = context.getResourceAsStream(file)) {
          if (in != null) {
            digest.update(in.readAllBytes());
          }
        }
      }
      ClassLoader loader = PublicPageCache.class.getClassLoader();
      for (String bundle : BUNDLES) {
        try (InputStream in = loader.getResourceAsStream(bundle)) {
          if (in != null) {
            digest.update(in.readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException | NoSuchAlgorithmException e) {
      // Without a fingerprint, this node's start time separates builds (ETags then differ by node).
      return Long.toString(System.currentTimeMillis());
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
