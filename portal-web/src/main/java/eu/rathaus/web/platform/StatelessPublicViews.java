package eu.rathaus.web.platform;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Set;

/**
 * Makes the views of the public pages transient before they render (issue 16): a transient view
 * saves no state, so rendering it creates no HTTP session. These pages have no Faces forms to post
 * back (their searches are plain GET forms). Registered in faces-config.xml.
 */
public class StatelessPublicViews implements PhaseListener {

  private static final long serialVersionUID = 1L;

  static final Set<String> PUBLIC_VIEWS =
      Set.of(
          "/index.xhtml",
          "/municipality.xhtml",
          "/service.xhtml",
          "/legal/imprint.xhtml",
          "/legal/privacy.xhtml",
          "/legal/accessibility.xhtml",
          "/leichte-sprache.xhtml",
          "/gebaerdensprache.xhtml",
          "/lostproperty/search.xhtml",
          "/verify.xhtml");

  @Override
  public void beforePhase(PhaseEvent event) {
    UIViewRoot root = event.getFacesContext().getViewRoot();
    if (root != null && PUBLIC_VIEWS.contains(root.getViewId())) {
      root.setTransient(true);
    }
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // nothing after rendering
  }

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RENDER_RESPONSE;
  }
}
