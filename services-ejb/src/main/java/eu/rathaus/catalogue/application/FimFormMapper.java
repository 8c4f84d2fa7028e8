package eu.rathaus.catalogue.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.catalogue.application.FimSchema.Element;
import eu.rathaus.catalogue.application.FimSchema.Field;
import eu.rathaus.catalogue.application.FimSchema.Group;
import eu.rathaus.catalogue.application.FimSchema.Rule;
import eu.rathaus.catalogue.application.FimSchema.Value;
import eu.rathaus.catalogue.domain.Problem;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a {@link FimSchema} into a service template document (the JSON export/import format, see
 * {@code TemplateDocument}) and says what of the schema the form does not represent.
 *
 * <ul>
 *   <li>Each top-level field group becomes a step; top-level fields between groups are collected in
 *       a step "Angaben". Nested groups are flattened into their step, their fields labelled "group
 *       – field" so two "Vorname" stay apart. A step with more than 60 fields is split.
 *   <li>Fields keep their FIM id and version ({@code "fim"}); options keep their code ({@code
 *       fimCode}).
 *   <li>Required if the multiplicity's minimum is at least 1 and no enclosing group is optional.
 *   <li>{@code feldart} select → single choice with the values of the code list; input → by {@code
 *       datentyp} (text, date, yes/no, number, file); {@code praezisierung} → length and value
 *       limits, pattern.
 * </ul>
 *
 * Nothing is dropped silently: every rule, repetition, label text, hidden or locked field, object
 * field, default value, constraint or code list that cannot be used is a note ({@code
 * catalogue.fim.note.*}, target = the FIM id) for the administrator.
 */
public final class FimFormMapper {

  static final int MAX_STEPS = 20;
  static final int MAX_FIELDS_PER_STEP = 60;
  static final int MAX_CHOICES = 200;
  static final int MAX_TEXT = 2000;
  static final List<String> FILE_TYPES = List.of("application/pdf", "image/jpeg", "image/png");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern KEY = Pattern.compile("^[a-z][a-zA-Z0-9_]{0,62}$");

  /** The template document, and the notes; or problems (then no document). */
  public record Mapped(String templateJson, List<Problem> notes, List<Problem> problems) {
    public Mapped {
      notes = List.copyOf(notes);
      problems = List.copyOf(problems);
    }

    public boolean isValid() {
      return problems.isEmpty();
    }
  }

  private final List<Problem> notes = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private final Set<String> reportedRules = new HashSet<>();
  private int fileFields;

  private FimFormMapper() {}

  public static Mapped map(FimSchema schema) {
    return new FimFormMapper().run(schema);
  }

  private Mapped run(FimSchema schema) {
    rules(schema.rules(), schema.id());
    ArrayNode steps = JSON.createArrayNode();
    List<ObjectNode> loose = new ArrayList<>();
    for (Element e : schema.children()) {
      if (e instanceof Group g) {
        addStep(steps, "angaben", "Angaben", "Details", null, loose);
        loose = new ArrayList<>();
        List<ObjectNode> fields = new ArrayList<>();
        boolean optional = g.multiplicity().optional();
        groupNotes(g);
        flatten(g, null, optional, fields);
        if (fields.isEmpty()) {
          notes.add(Problem.of(g.id(), "catalogue.fim.note.emptyGroup", g.label()));
          continue;
        }
        addStep(steps, g.label(), g.label(), g.label(), g, fields);
      } else {
        field((Field) e, null, false).ifPresent(loose::add);
      }
    }
    addStep(steps, "angaben", "Angaben", "Details", null, loose);
    if (steps.isEmpty()) {
      return new Mapped(null, notes, List.of(Problem.of("", "catalogue.fim.noFields")));
    }
    if (steps.size() > MAX_STEPS) {
      return new Mapped(
          null,
          notes,
          List.of(Problem.of("", "catalogue.fim.tooManySteps", steps.size(), MAX_STEPS)));
    }
    ObjectNode form = JSON.createObjectNode();
    form.put("formatVersion", 1);
    form.set("steps", steps);
    form.putObject("fee").put("type", "fixed").put("currency", "EUR").put("amountCents", 0);
    form.put("levelOfAssurance", "LOW");
    form.put("processingDays", 14);
    if (fileFields > 0) {
      ObjectNode att = form.putObject("attachments");
      att.put("maxCount", Math.min(20, fileFields * 3));
      att.put("maxSizeBytes", 10L * 1024 * 1024);
      ArrayNode types = att.putArray("allowedContentTypes");
      FILE_TYPES.forEach(types::add);
    }
    ObjectNode fim = form.putObject("fim");
    fim.put("schemaId", fimId(schema.id()));
    if (schema.version() != null && schema.version().matches("[A-Za-z0-9._-]{1,20}")) {
      fim.put("version", schema.version());
    }
    fim.put("standard", schema.standard().json());

    ObjectNode doc = JSON.createObjectNode();
    doc.put("serviceKey", serviceKey(schema.id()));
    doc.put("category", "FIM");
    String title = cut(schema.title(), 200);
    doc.putObject("title").put("de", title).put("en", title);
    String description =
        schema.description() != null
            ? cut(schema.description(), 4000)
            : "FIM-Stammdatenschema " + schema.id() + versionSuffix(schema.version());
    doc.putObject("description").put("de", description).put("en", description);
    doc.set("form", form);
    return new Mapped(doc.toString(), notes, List.of());
  }

  private void addStep(
      ArrayNode steps,
      String keySource,
      String de,
      String en,
      Group group,
      List<ObjectNode> fields) {
    for (int from = 0, part = 1; from < fields.size(); from += MAX_FIELDS_PER_STEP, part++) {
      ObjectNode step = steps.addObject();
      step.put("key", uniqueKey(keySource + (part > 1 ? " " + part : ""), "schritt"));
      String suffix = part > 1 ? " (" + part + ")" : "";
      step.putObject("title").put("de", cut(de, 1990) + suffix).put("en", cut(en, 1990) + suffix);
      if (group != null && group.id() != null) {
        ref(step, group);
      }
      ArrayNode list = step.putArray("fields");
      fields.subList(from, Math.min(fields.size(), from + MAX_FIELDS_PER_STEP)).forEach(list::add);
    }
  }

  private void flatten(Group group, String prefix, boolean optional, List<ObjectNode> out) {
    rules(group.rules(), group.id());
    for (Element e : group.children()) {
      if (e instanceof Group nested) {
        groupNotes(nested);
        String label = prefix == null ? nested.label() : prefix + " – " + nested.label();
        flatten(nested, label, optional || nested.multiplicity().optional(), out);
      } else {
        field((Field) e, prefix, optional).ifPresent(out::add);
      }
    }
  }

  private java.util.Optional<ObjectNode> field(Field f, String prefix, boolean optionalContext) {
    rules(f.rules(), f.id());
    String label = prefix == null ? f.label() : prefix + " – " + f.label();
    String feldart = f.feldart() == null ? "input" : f.feldart().toLowerCase(Locale.ROOT);
    String datentyp = f.datentyp() == null ? "text" : f.datentyp().toLowerCase(Locale.ROOT);
    switch (feldart) {
      case "label" -> {
        notes.add(Problem.of(f.id(), "catalogue.fim.note.label", label, nz(f.help())));
        return java.util.Optional.empty();
      }
      case "hidden" -> {
        notes.add(Problem.of(f.id(), "catalogue.fim.note.hidden", label, nz(f.content())));
        return java.util.Optional.empty();
      }
      case "locked" -> {
        notes.add(Problem.of(f.id(), "catalogue.fim.note.locked", label, nz(f.content())));
        return java.util.Optional.empty();
      }
      default -> {
        // input and select below
      }
    }
    if (datentyp.equals("obj")) {
      notes.add(Problem.of(f.id(), "catalogue.fim.note.object", label));
      return java.util.Optional.empty();
    }
    repeats(f, f.id());
    ObjectNode node = JSON.createObjectNode();
    node.put("key", uniqueKey(f.label(), "feld"));
    String type;
    if (feldart.equals("select")) {
      type = choices(f, label, node) ? "singleChoice" : "text";
    } else {
      type = typeOf(f, datentyp, label);
    }
    node.put("type", type);
    String cut = cut(label, MAX_TEXT);
    node.putObject("label").put("de", cut).put("en", cut);
    if (f.help() != null) {
      String help = cut(f.help(), MAX_TEXT);
      node.putObject("help").put("de", help).put("en", help);
    }
    node.put("required", f.multiplicity().min() >= 1 && !optionalContext);
    constraints(f, type, label, node);
    if (f.content() != null) {
      notes.add(Problem.of(f.id(), "catalogue.fim.note.default", label, f.content()));
    }
    if (type.equals("file")) {
      fileFields++;
      if (f.mediaType() != null && !FILE_TYPES.contains(f.mediaType())) {
        notes.add(Problem.of(f.id(), "catalogue.fim.note.mediaType", label, f.mediaType()));
      }
    }
    ref(node, f);
    // The "fim" reference goes last, after the choices: reorder so it reads well in an export.
    if (node.has("choices")) {
      node.set("choices", node.remove("choices"));
    }
    return java.util.Optional.of(node);
  }

  private String typeOf(Field f, String datentyp, String label) {
    return switch (datentyp) {
      case "text", "text_latin", "string" -> {
        Integer max = integer(f.constraints().maxLength());
        yield max != null && max > 500 ? "longText" : "text";
      }
      case "date" -> "date";
      case "bool" -> "yesNo";
      case "num", "num_currency" -> "number";
      case "num_int" -> {
        notes.add(Problem.of(f.id(), "catalogue.fim.note.integer", label));
        yield "number";
      }
      case "file" -> "file";
      default -> {
        notes.add(Problem.of(f.id(), "catalogue.fim.note.dataType", label, datentyp));
        yield "text";
      }
    };
  }

  /** The select's values as options; false (and a note) if there are none or too many. */
  private boolean choices(Field f, String label, ObjectNode node) {
    if (f.values().isEmpty()) {
      notes.add(
          Problem.of(
              f.id(),
              "catalogue.fim.note.codeListMissing",
              label,
              f.codeList() == null ? "-" : f.codeList()));
      return false;
    }
    if (f.values().size() > MAX_CHOICES) {
      notes.add(
          Problem.of(
              f.id(), "catalogue.fim.note.tooManyValues", label, f.values().size(), MAX_CHOICES));
      return false;
    }
    ArrayNode choices = node.putArray("choices");
    Set<String> used = new HashSet<>();
    for (Value v : f.values()) {
      String key = choiceKey(v.code(), used);
      String name = cut(v.name(), MAX_TEXT);
      ObjectNode c = choices.addObject();
      c.put("key", key);
      c.putObject("label").put("de", name).put("en", name);
      c.put("fimCode", cut(v.code(), 200));
      if (v.help() != null) {
        notes.add(Problem.of(f.id(), "catalogue.fim.note.valueHelp", label, v.code()));
      }
    }
    return true;
  }

  private void constraints(Field f, String type, String label, ObjectNode node) {
    FimSchema.Constraints c = f.constraints();
    boolean text = type.equals("text") || type.equals("longText");
    boolean number = type.equals("number");
    if (text) {
      Integer min = integer(c.minLength());
      Integer max = integer(c.maxLength());
      if (min != null && min <= 10000) {
        node.put("minLength", min);
      } else if (c.minLength() != null) {
        notes.add(
            Problem.of(f.id(), "catalogue.fim.note.constraint", label, "minLength", c.minLength()));
      }
      if (max != null && max >= 1 && max <= 10000 && (min == null || min <= max)) {
        node.put("maxLength", max);
      } else if (c.maxLength() != null) {
        notes.add(
            Problem.of(f.id(), "catalogue.fim.note.constraint", label, "maxLength", c.maxLength()));
      }
      if (c.pattern() != null) {
        if (compiles(c.pattern()) && c.pattern().length() <= 500) {
          node.put("pattern", c.pattern());
        } else {
          notes.add(
              Problem.of(f.id(), "catalogue.fim.note.constraint", label, "pattern", c.pattern()));
        }
      }
    } else if (number) {
      BigDecimal min = decimal(c.minValue());
      BigDecimal max = decimal(c.maxValue());
      if (min != null && max != null && min.compareTo(max) > 0) {
        notes.add(
            Problem.of(f.id(), "catalogue.fim.note.constraint", label, "minValue", c.minValue()));
        min = null;
      }
      if (min != null) {
        node.put("minValue", min);
      } else if (c.minValue() != null) {
        notes.add(
            Problem.of(f.id(), "catalogue.fim.note.constraint", label, "minValue", c.minValue()));
      }
      if (max != null) {
        node.put("maxValue", max);
      } else if (c.maxValue() != null) {
        notes.add(
            Problem.of(f.id(), "catalogue.fim.note.constraint", label, "maxValue", c.maxValue()));
      }
    }
    // Limits that do not apply to the field's type in Rathaus (e.g. a length on a date).
    String[][] unused = {
      {"minLength", text ? null : c.minLength()},
      {"maxLength", text ? null : c.maxLength()},
      {"pattern", text ? null : c.pattern()},
      {"minValue", number ? null : c.minValue()},
      {"maxValue", number ? null : c.maxValue()}
    };
    for (String[] u : unused) {
      if (u[1] != null) {
        notes.add(Problem.of(f.id(), "catalogue.fim.note.constraint", label, u[0], u[1]));
      }
    }
  }

  private void repeats(Element e, String id) {
    if (e.multiplicity().repeats()) {
      notes.add(Problem.of(id, "catalogue.fim.note.repeats", e.label(), e.multiplicity().text()));
    }
    if (!e.multiplicity().text().matches("\\s*\\d{1,4}\\s*:\\s*(\\d{1,4}|\\*|n)\\s*")) {
      notes.add(
          Problem.of(id, "catalogue.fim.note.multiplicity", e.label(), e.multiplicity().text()));
    }
  }

  /** A group that repeats, or is optional but holds required fields, cannot be said exactly. */
  private void groupNotes(Group g) {
    repeats(g, g.id());
    if (g.multiplicity().optional() && containsRequired(g)) {
      notes.add(
          Problem.of(
              g.id(), "catalogue.fim.note.optionalGroup", g.label(), g.multiplicity().text()));
    }
  }

  private void rules(List<Rule> rules, String owner) {
    for (Rule r : rules) {
      String id = r.id() == null ? owner : r.id();
      if (reportedRules.add(id)) {
        notes.add(
            Problem.of(id, "catalogue.fim.note.rule", nz(r.name()), nz(cut(r.text(), 500)), owner));
      }
    }
  }

  private static boolean containsRequired(Group g) {
    for (Element e : g.children()) {
      if (e.multiplicity().min() >= 1
          && (e instanceof Field || (e instanceof Group nested && containsRequired(nested)))) {
        return true;
      }
    }
    return false;
  }

  private static void ref(ObjectNode node, Element e) {
    if (e.id() == null) {
      return;
    }
    ObjectNode fim = node.putObject("fim");
    fim.put("id", fimId(e.id()));
    if (e.version() != null && e.version().matches("[A-Za-z0-9._-]{1,20}")) {
      fim.put("version", e.version());
    }
  }

  /** A readable key from a label: "Straße und Hausnummer" → strasseUndHausnummer. */
  private String uniqueKey(String source, String fallback) {
    String base = camel(source == null ? "" : source);
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = fallback + (base.isEmpty() ? "" : "_" + base);
    }
    base = base.substring(0, Math.min(base.length(), 56));
    String key = base;
    for (int n = 2; !keys.add(key); n++) {
      key = base + "_" + n;
    }
    return key;
  }

  private static String choiceKey(String code, Set<String> used) {
    String base = code.replaceAll("[^A-Za-z0-9_]", "_");
    if (!KEY.matcher(base).matches()) {
      base = "c_" + base;
    }
    base = base.substring(0, Math.min(base.length(), 56));
    String key = base;
    for (int n = 2; !used.add(key); n++) {
      key = base + "_" + n;
    }
    return key;
  }

  static String camel(String text) {
    String ascii =
        Normalizer.normalize(
                text.replace("ä", "ae")
                    .replace("ö", "oe")
                    .replace("ü", "ue")
                    .replace("Ä", "Ae")
                    .replace("Ö", "Oe")
                    .replace("Ü", "Ue")
                    .replace("ß", "ss"),
                Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    StringBuilder out = new StringBuilder();
    for (String word : ascii.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.isEmpty()) {
        out.append(word.substring(0, 1).toLowerCase(Locale.ROOT)).append(word.substring(1));
      } else {
        out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return out.toString();
  }

  private static String serviceKey(String schemaId) {
    String key = "fim." + schemaId.replaceAll("[^A-Za-z0-9._-]", "_");
    return key.substring(0, Math.min(40, key.length()));
  }

  private static String fimId(String id) {
    String clean = id.replaceAll("[^A-Za-z0-9._-]", "_");
    if (!Character.isLetter(clean.charAt(0))) {
      clean = "X" + clean;
    }
    return clean.substring(0, Math.min(40, clean.length()));
  }

  private static String versionSuffix(String version) {
    return version == null ? "" : " Version " + version;
  }

  private static Integer integer(String s) {
    if (s == null || !s.strip().matches("\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(s.strip());
  }

  private static BigDecimal decimal(String s) {
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean compiles(String pattern) {
    try {
      Pattern.compile(pattern);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private static String cut(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
