package eu.rathaus.payments.application;

import java.net.URI;

/**
 * The answer to "Online bezahlen": where to send the browser, or why not (a bundle key of the web
 * layer's {@code payment.} texts). {@code redirect} is null when there is a problem.
 */
public record StartOutcome(URI redirect, String problemKey) {

  static StartOutcome redirect(URI uri) {
    return new StartOutcome(uri, null);
  }

  static StartOutcome problem(String key) {
    return new StartOutcome(null, key);
  }

  public boolean isRedirect() {
    return redirect != null;
  }
}
