package eu.rathaus.web.platform;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseStream;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Iterator;

/**
 * Registered in faces-config.xml: every render kit hands out writers that add the response's CSP
 * nonce to {@code <script>} elements ({@link NonceResponseWriter}). Going through the render kit
 * covers full pages and AJAX (partial) responses alike, since Faces builds the partial writer from
 * the render kit's writer. Without a nonce (a request the filter did not see) writers are
 * unchanged.
 */
public class NonceRenderKitFactory extends RenderKitFactory {

  public NonceRenderKitFactory(RenderKitFactory wrapped) {
    super(wrapped);
  }

  @Override
  public void addRenderKit(String renderKitId, RenderKit renderKit) {
    getWrapped().addRenderKit(renderKitId, renderKit);
  }

  @Override
  public Iterator<String> getRenderKitIds() {
    return getWrapped().getRenderKitIds();
  }

  @Override
  public RenderKit getRenderKit(FacesContext context, String renderKitId) {
    RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
    return kit == null ? null : new NonceRenderKit(kit);
  }

  /** A render kit whose writers carry the nonce. */
  static final class NonceRenderKit extends RenderKitWrapper {

    NonceRenderKit(RenderKit wrapped) {
      super(wrapped);
    }

    @Override
    public ResponseWriter createResponseWriter(
        Writer writer, String contentTypeList, String characterEncoding) {
      ResponseWriter created =
          getWrapped().createResponseWriter(writer, contentTypeList, characterEncoding);
      String nonce = currentNonce();
      return nonce == null || created instanceof NonceResponseWriter
          ? created
          : new NonceResponseWriter(created, nonce);
    }

    @Override
    public ResponseStream createResponseStream(OutputStream out) {
      return getWrapped().createResponseStream(out);
    }
  }

  /**
   * The nonce for this response's script elements. An AJAX response is not a document of its own:
   * its scripts run in the page that sent the request and must carry that page's nonce, which
   * PrimeFaces sends along as {@code primefaces.nonce} (see primefaces-nonce.js). Only a
   * well-formed value (our format: 16 bytes, base64) is taken; echoing it is harmless, as a partial
   * response is XML read by PrimeFaces' script and never a page with a policy of its own.
   */
  static String currentNonce() {
    FacesContext context = FacesContext.getCurrentInstance();
    if (context == null) {
      return null;
    }
    if (context.getPartialViewContext().isAjaxRequest()) {
      String page = context.getExternalContext().getRequestParameterMap().get(PAGE_NONCE_PARAMETER);
      if (wellFormed(page)) {
        return page;
      }
    }
    Object nonce =
        context.getExternalContext().getRequestMap().get(SecurityHeadersFilter.NONCE_ATTRIBUTE);
    return nonce instanceof String s && !s.isEmpty() ? s : null;
  }

  /** The request parameter in which PrimeFaces' AJAX requests carry the page's nonce. */
  static final String PAGE_NONCE_PARAMETER = "primefaces.nonce";

  static boolean wellFormed(String nonce) {
    return nonce != null && nonce.matches("[A-Za-z0-9+/]{22}==");
  }
}
