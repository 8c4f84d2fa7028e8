package eu.rathaus.notices.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * The name printed under "Im Auftrag" on notices issued in this request: the signed-in clerk's
 * display name, set by the web layer (like {@link eu.rathaus.kernel.CallerScope}). The tenant scope
 * carries only the subject, and a notice must name a person, not an identifier.
 */
@RequestScoped
public class NoticeSignatory {

  private String name = "";

  public String get() {
    return name;
  }

  public void set(String name) {
    this.name = name == null ? "" : name.strip();
  }
}
