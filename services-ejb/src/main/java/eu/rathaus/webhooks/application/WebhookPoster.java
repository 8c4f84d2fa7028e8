package eu.rathaus.webhooks.application;

import java.io.IOException;
import java.util.Map;

/** Posts one signed delivery to a municipality's system and says what it answered. */
public interface WebhookPoster {

  /**
   * @return the HTTP status of the response
   * @throws IOException if no response came (connection refused, timeout)
   */
  int post(String url, Map<String, String> headers, String body)
      throws IOException, InterruptedException;
}
