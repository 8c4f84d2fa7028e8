package eu.rathaus.web.applications;

import java.io.Serializable;
import java.util.List;

/** The rows of {@code citizen/apply.xhtml}, with getters (EL does not read record components). */
public final class ApplyRows {

  private ApplyRows() {}

  /** One attached file as the form lists it. */
  public record FileRow(String id, String name, String size, String type) implements Serializable {
    public String getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getSize() {
      return size;
    }

    public String getType() {
      return type;
    }
  }

  /** One entry of the progress list. */
  public record ProgressItem(int number, String title, boolean current, boolean done)
      implements Serializable {
    public int getNumber() {
      return number;
    }

    public String getTitle() {
      return title;
    }

    public boolean isCurrent() {
      return current;
    }

    public boolean isDone() {
      return done;
    }
  }

  /** One step on the review page. */
  public record ReviewStep(int index, String title, List<ReviewRow> rows) implements Serializable {
    public int getIndex() {
      return index;
    }

    public String getTitle() {
      return title;
    }

    public List<ReviewRow> getRows() {
      return rows;
    }
  }

  /** One answer on the review page, with the problems the submission found in it. */
  public record ReviewRow(String label, String value, List<String> errors) implements Serializable {
    public String getLabel() {
      return label;
    }

    public String getValue() {
      return value;
    }

    public List<String> getErrors() {
      return errors;
    }
  }
}
