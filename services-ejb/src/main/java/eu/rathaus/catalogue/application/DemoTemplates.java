package eu.rathaus.catalogue.application;

import eu.rathaus.catalogue.domain.TemplateDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo templates shipped with the portal: five real German services. They are ordinary template
 * files (see {@link TemplateDocument}) so that they also serve as examples for municipalities
 * writing their own.
 */
public final class DemoTemplates {

  public static final List<String> RESOURCES =
      List.of(
          "/catalogue/templates/meldebescheinigung.json",
          "/catalogue/templates/bewohnerparkausweis.json",
          "/catalogue/templates/fundsache-verlust.json",
          "/catalogue/templates/hundesteuer-anmeldung.json",
          "/catalogue/templates/geburtsurkunde.json",
          "/catalogue/templates/datenschutzanfrage.json",
          "/catalogue/templates/wohnsitz-ummelden.json");

  private DemoTemplates() {}

  /**
   * Reads one shipped template file; checking it is the caller's job ({@link
   * TemplateDocument#read}).
   */
  public static String load(String resource) {
    try (InputStream in = DemoTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
