package eu.rathaus.tenancy.application;

import java.io.Serializable;
import java.util.List;

/**
 * Something wrong with one input field: a message key of the web bundle and its arguments, so the
 * view can say it in the user's language right at the field.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments)
    implements Serializable {

  public static FieldProblem of(String field, String messageKey, Object... arguments) {
    return new FieldProblem(field, messageKey, List.of(arguments));
  }
}
