package eu.rathaus.catalogue.domain;

import java.io.Serializable;
import java.util.List;

/**
 * Something wrong with a definition or with an answer, said as a message key plus arguments rather
 * than as text: the view decides the language ({@link CatalogueMessages}), and tests can assert the
 * rule that fired without depending on wording.
 *
 * @param target where the problem is: a field key (answers, {@code address.postalCode} for a part
 *     of a field) or a JSON location (definitions); empty for the document as a whole
 * @param messageKey key in {@code eu/rathaus/catalogue/messages*.properties}
 * @param args arguments for the message ({@link java.text.MessageFormat} placeholders)
 */
public record Problem(String target, String messageKey, List<Object> args) implements Serializable {

  public Problem {
    target = target == null ? "" : target;
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static Problem of(String target, String messageKey, Object... args) {
    return new Problem(target, messageKey, List.of(args));
  }
}
