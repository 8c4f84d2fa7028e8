package eu.rathaus.web.statistics;

import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/** Status, payment state and method codes in words, from the web bundle ({@code statistics.*}). */
final class StatisticsLabels implements Function<String, String> {

  private final ResourceBundle msg;

  StatisticsLabels(ResourceBundle msg) {
    this.msg = msg;
  }

  @Override
  public String apply(String key) {
    try {
      return msg.getString("statistics." + key);
    } catch (MissingResourceException e) {
      return key.substring(key.indexOf('.') + 1);
    }
  }
}
