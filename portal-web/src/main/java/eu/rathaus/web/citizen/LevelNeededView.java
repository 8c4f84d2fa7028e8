package eu.rathaus.web.citizen;

import eu.rathaus.identity.LevelOfAssurance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The page that explains which level of assurance a page needs and how to reach it. */
@Named
@RequestScoped
public class LevelNeededView {

  @Inject HttpServletRequest request;

  public LevelOfAssurance getRequiredLevel() {
    return LevelOfAssurance.fromName(request.getParameter("level")).orElse(LevelOfAssurance.HIGH);
  }

  /** Where "try the eID again" (e.g. after setting up the second factor there) returns to. */
  public String getRetryReturn() {
    String back = request.getParameter("return");
    return back != null && back.startsWith("/citizen/") && !back.contains("\\")
        ? back
        : "/citizen/profile.xhtml";
  }
}
