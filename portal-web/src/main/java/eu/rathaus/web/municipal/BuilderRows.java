package eu.rathaus.web.municipal;

import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.StepDefinition;
import eu.rathaus.catalogue.domain.Visibility;
import eu.rathaus.web.applications.FieldView;
import jakarta.faces.model.SelectItem;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** What the builder page lists and previews of a parsed draft, in the page's language. */
public final class BuilderRows {

  private BuilderRows() {}

  /** One step in the builder's list. */
  public record StepRow(
      int index,
      String key,
      String title,
      List<FieldRow> fields,
      boolean first,
      boolean last,
      String fimId)
      implements Serializable {
    /** The FIM field group the step was imported from, or null. */
    public String getFimId() {
      return fimId;
    }

    public int getIndex() {
      return index;
    }

    public String getKey() {
      return key;
    }

    public String getTitle() {
      return title;
    }

    public List<FieldRow> getFields() {
      return fields;
    }

    public boolean isFirst() {
      return first;
    }

    public boolean isLast() {
      return last;
    }
  }

  /** One field in the builder's list. */
  public record FieldRow(
      int step,
      int index,
      String key,
      String type,
      String label,
      boolean required,
      String condition,
      boolean first,
      boolean last,
      String fimId)
      implements Serializable {
    /** The FIM data field the field was imported from, or null. */
    public String getFimId() {
      return fimId;
    }

    public int getStep() {
      return step;
    }

    public int getIndex() {
      return index;
    }

    public String getKey() {
      return key;
    }

    public String getType() {
      return type;
    }

    public String getLabel() {
      return label;
    }

    public boolean isRequired() {
      return required;
    }

    public String getCondition() {
      return condition;
    }

    public boolean isFirst() {
      return first;
    }

    public boolean isLast() {
      return last;
    }
  }

  /**
   * One step of the live preview: fields a citizen sees first, and those that appear on answers.
   */
  public record PreviewStep(
      int number, String title, List<FieldView> fields, List<String> conditional)
      implements Serializable {
    public int getNumber() {
      return number;
    }

    public String getTitle() {
      return title;
    }

    public List<FieldView> getFields() {
      return fields;
    }

    public List<String> getConditional() {
      return conditional;
    }
  }

  static List<StepRow> steps(FormDefinition form, Locale locale) {
    List<StepDefinition> steps = form.steps();
    List<StepRow> rows = new ArrayList<>();
    for (int s = 0; s < steps.size(); s++) {
      StepDefinition step = steps.get(s);
      List<FieldRow> fields = new ArrayList<>();
      for (int i = 0; i < step.fields().size(); i++) {
        FieldDefinition f = step.fields().get(i);
        String condition =
            f.visibleIf() == null ? null : f.visibleIf().fieldKey() + " = " + f.visibleIf().value();
        fields.add(
            new FieldRow(
                s,
                i,
                f.key(),
                ProblemTexts.text("builder.type." + f.type().jsonName()),
                f.label().in(locale),
                f.required(),
                condition,
                i == 0,
                i == step.fields().size() - 1,
                f.fimId()));
      }
      rows.add(
          new StepRow(
              s,
              step.key(),
              step.title().in(locale),
              fields,
              s == 0,
              s == steps.size() - 1,
              step.fimId()));
    }
    return rows;
  }

  static List<PreviewStep> preview(FormDefinition form, Locale locale) {
    Map<String, String> words =
        Map.of(
            "yes",
            ProblemTexts.text("application.yes"),
            "no",
            ProblemTexts.text("application.no"),
            "street",
            ProblemTexts.text("application.address.street"),
            "houseNumber",
            ProblemTexts.text("application.address.houseNumber"),
            "postalCode",
            ProblemTexts.text("application.address.postalCode"),
            "city",
            ProblemTexts.text("application.address.city"));
    var visible =
        Visibility.visibleFields(
            form, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    List<PreviewStep> result = new ArrayList<>();
    for (int s = 0; s < form.steps().size(); s++) {
      StepDefinition step = form.steps().get(s);
      List<FieldView> fields = new ArrayList<>();
      List<String> conditional = new ArrayList<>();
      for (FieldDefinition f : step.fields()) {
        if (visible.contains(f.key())) {
          fields.add(FieldView.blank(f, locale, words));
        } else {
          conditional.add(
              ProblemTexts.text(
                  "builder.preview.conditional",
                  f.label().in(locale),
                  form.field(f.visibleIf().fieldKey())
                      .map(x -> x.label().in(locale))
                      .orElse(f.visibleIf().fieldKey()),
                  f.visibleIf().value()));
        }
      }
      result.add(new PreviewStep(s + 1, step.title().in(locale), fields, conditional));
    }
    return result;
  }

  /** The field types to choose from, each labelled by {@code label} of its JSON name. */
  static List<SelectItem> typeChoices(Function<String, String> label) {
    return Arrays.stream(FieldType.values())
        .map(t -> new SelectItem(t.jsonName(), label.apply(t.jsonName())))
        .toList();
  }

  /** The steps to choose from, by index, labelled "1. Title". */
  static List<SelectItem> stepChoices(List<StepRow> steps) {
    return steps.stream()
        .map(
            row ->
                new SelectItem(String.valueOf(row.index()), (row.index() + 1) + ". " + row.title()))
        .toList();
  }
}
