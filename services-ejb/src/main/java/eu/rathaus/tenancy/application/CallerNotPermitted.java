package eu.rathaus.tenancy.application;

/**
 * The caller's scope does not allow the operation (for example a municipal admin reaching a
 * platform-only method). A programming or configuration error on the web side, never a user mistake
 * the page can explain, so the web layer answers it with its "forbidden" page.
 */
public class CallerNotPermitted extends SecurityException {

  private static final long serialVersionUID = 1L;

  public CallerNotPermitted(String message) {
    super(message);
  }
}
