package eu.rathaus.catalogue.domain;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.kernel.Iban;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a citizen's answers against a form definition, on the server, whatever the browser sent.
 *
 * <p>The browser's checks are a convenience for honest users; this class is the one that counts. It
 * never throws on bad input and never stops at the first problem: every problem is reported against
 * its field, so the form can show all of them at once.
 *
 * <p>What is refused: answers that are not a JSON object; unknown keys; values for fields that are
 * hidden by their condition (otherwise a crafted request could store data the citizen was never
 * asked for); values of the wrong JSON type; any string over {@value #HARD_MAX_CHARS} characters
 * (checked before anything else looks at the string, so a 10 MB value costs one length check);
 * control characters (except line feed, carriage return and tab in long text) and the invisible
 * bidirectional overrides that can make a clerk read a different text than was stored; values that
 * break the field's rules.
 *
 * <p>What is deliberately <em>not</em> refused: HTML or script in text. {@code <b>} is a legitimate
 * thing to type ("Hausnummer <5"), and filtering it would only give a false sense of safety.
 * Answers are stored as plain text and every view, PDF and e-mail must escape them when rendering
 * (Faces output components do by default; never use {@code escape="false"} on answers).
 */
public final class AnswerValidator {

  /** No string answer may be longer than this, whatever the field allows. */
  public static final int HARD_MAX_CHARS = 10_000;

  /** More keys than any form has fields; stops a request with a million keys early. */
  public static final int MAX_ANSWER_KEYS = 1_500;

  /**
   * Budget of character reads for one pattern match; a catastrophic pattern gives up, not hangs.
   */
  static final int PATTERN_BUDGET = 1_000_000;

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}([.,][0-9]{1,6})?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/-]{3,28}[0-9]");
  private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
  private static final Pattern HOUSE_NUMBER =
      Pattern.compile("[0-9]{1,5} ?[a-zA-Z]?( ?[-/] ?[0-9]{1,5} ?[a-zA-Z]?)?");
  private static final Pattern ATTACHMENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Set<String> ADDRESS_PARTS =
      Set.of("street", "houseNumber", "postalCode", "city");
  private static final int ADDRESS_PART_MAX = 100;

  /** Outcome: all problems found, and which fields were visible for these answers. */
  public record Result(List<Problem> problems, Set<String> visibleFields) {
    public Result {
      problems = List.copyOf(problems);
      visibleFields = Set.copyOf(visibleFields);
    }

    public boolean isValid() {
      return problems.isEmpty();
    }

    public List<Problem> problemsFor(String fieldKey) {
      return problems.stream()
          .filter(p -> p.target().equals(fieldKey) || p.target().startsWith(fieldKey + "."))
          .toList();
    }
  }

  private AnswerValidator() {}

  /**
   * Checks complete answers, as for a submission: every visible required field must be answered.
   */
  public static Result validate(FormDefinition definition, JsonNode answers) {
    return validate(definition, answers, field -> true);
  }

  /**
   * Checks answers as saved after step {@code stepKey}: required fields count only up to and
   * including that step (later steps are not filled in yet), but every value present anywhere must
   * be valid, known and visible — a draft stores nothing the submission would refuse.
   */
  public static Result validateUpToStep(
      FormDefinition definition, JsonNode answers, String stepKey) {
    Set<String> inScope = new HashSet<>();
    boolean found = false;
    for (StepDefinition step : definition.steps()) {
      step.fields().forEach(f -> inScope.add(f.key()));
      if (step.key().equals(stepKey)) {
        found = true;
        break;
      }
    }
    if (!found) {
      return new Result(List.of(Problem.of("", "catalogue.answer.unknownStep")), Set.of());
    }
    return validate(definition, answers, f -> inScope.contains(f.key()));
  }

  private static Result validate(
      FormDefinition definition, JsonNode answers, Predicate<FieldDefinition> requiredInScope) {
    List<Problem> problems = new ArrayList<>();
    if (answers == null || !answers.isObject()) {
      problems.add(Problem.of("", "catalogue.answer.notAnObject"));
      return new Result(problems, Set.of());
    }
    if (answers.size() > MAX_ANSWER_KEYS) {
      problems.add(Problem.of("", "catalogue.answer.tooManyFields", MAX_ANSWER_KEYS));
      return new Result(problems, Set.of());
    }
    Set<String> visible = Visibility.visibleFields(definition, answers);
    Iterator<Map.Entry<String, JsonNode>> entries = answers.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String key = entry.getKey();
      Optional<FieldDefinition> field = definition.field(key);
      if (field.isEmpty()) {
        problems.add(Problem.of(safeKey(key), "catalogue.answer.unknownField"));
      } else if (!visible.contains(key) && !isEmpty(entry.getValue())) {
        problems.add(Problem.of(key, "catalogue.answer.hiddenField"));
      }
    }
    for (FieldDefinition field : definition.fields()) {
      if (!visible.contains(field.key())) {
        continue;
      }
      JsonNode value = answers.get(field.key());
      if (isEmpty(value)) {
        if (field.required() && requiredInScope.test(field)) {
          problems.add(Problem.of(field.key(), "catalogue.answer.required"));
        }
        continue;
      }
      checkValue(field, value, definition, problems);
    }
    return new Result(problems, visible);
  }

  /**
   * Unknown keys are echoed into the problem list; never let an attacker's megabyte key travel on.
   */
  private static String safeKey(String key) {
    String cut = key.length() > 64 ? key.substring(0, 64) : key;
    return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
  }

  private static boolean isEmpty(JsonNode value) {
    return value == null
        || value.isNull()
        || (value.isTextual()
            && value.textValue().isBlank()
            && value.textValue().length() <= HARD_MAX_CHARS)
        || (value.isArray() && value.isEmpty());
  }

  private static void checkValue(
      FieldDefinition field, JsonNode value, FormDefinition definition, List<Problem> problems) {
    String key = field.key();
    switch (field.type()) {
      case TEXT -> checkText(key, field, value, false, problems);
      case LONG_TEXT -> checkText(key, field, value, true, problems);
      case NUMBER -> checkNumber(field, value, problems);
      case DATE -> {
        Optional<String> text = singleLine(key, value, problems);
        if (text.isPresent() && !isIsoDate(text.get())) {
          problems.add(Problem.of(key, "catalogue.answer.date.invalid"));
        }
      }
      case YES_NO -> {
        if (yesNo(value).isEmpty()) {
          problems.add(Problem.of(key, "catalogue.answer.yesNo.invalid"));
        }
      }
      case SINGLE_CHOICE -> {
        if (!value.isTextual()) {
          problems.add(Problem.of(key, "catalogue.answer.wrongType"));
        } else if (field.choice(value.textValue()).isEmpty()) {
          problems.add(Problem.of(key, "catalogue.answer.choice.unknown"));
        }
      }
      case MULTIPLE_CHOICE -> checkMultipleChoice(field, value, problems);
      case EMAIL ->
          singleLine(key, value, problems)
              .ifPresent(
                  text -> {
                    if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
                      problems.add(Problem.of(key, "catalogue.answer.email.invalid"));
                    }
                  });
      case PHONE ->
          singleLine(key, value, problems)
              .ifPresent(
                  text -> {
                    long digits = text.chars().filter(Character::isDigit).count();
                    if (!PHONE.matcher(text).matches() || digits < 5 || digits > 15) {
                      problems.add(Problem.of(key, "catalogue.answer.phone.invalid"));
                    }
                  });
      case POSTAL_ADDRESS -> checkAddress(field, value, problems);
      case IBAN ->
          singleLine(key, value, problems)
              .ifPresent(
                  text ->
                      Iban.check(text)
                          .ifPresent(
                              p ->
                                  problems.add(
                                      Problem.of(
                                          key,
                                          switch (p) {
                                            case FORMAT -> "catalogue.answer.iban.format";
                                            case COUNTRY -> "catalogue.answer.iban.country";
                                            case LENGTH -> "catalogue.answer.iban.length";
                                            case CHECKSUM -> "catalogue.answer.iban.checksum";
                                          }))));
      case FILE -> checkFiles(key, value, definition.attachments(), problems);
    }
  }

  private static void checkText(
      String key,
      FieldDefinition field,
      JsonNode value,
      boolean multiLine,
      List<Problem> problems) {
    Optional<String> checked = string(key, value, multiLine, problems);
    if (checked.isEmpty()) {
      return;
    }
    String text = checked.get();
    int length = text.codePointCount(0, text.length());
    if (field.maxLength() != null && length > field.maxLength()) {
      problems.add(Problem.of(key, "catalogue.answer.tooLong", field.maxLength()));
      return;
    }
    if (field.minLength() != null && length < field.minLength()) {
      problems.add(Problem.of(key, "catalogue.answer.tooShort", field.minLength()));
    }
    if (field.pattern() != null && !matchesWithinBudget(field.pattern(), text)) {
      problems.add(Problem.of(key, "catalogue.answer.pattern"));
    }
  }

  private static void checkNumber(FieldDefinition field, JsonNode value, List<Problem> problems) {
    String key = field.key();
    String text;
    if (value.isNumber()) {
      // Through text, so 1e400 or a 5000-digit number meets the same strict syntax as typed input.
      text = value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    } else if (value.isTextual() && value.textValue().length() <= 40) {
      text = value.textValue().strip();
    } else {
      problems.add(
          Problem.of(
              key,
              value.isTextual()
                  ? "catalogue.answer.number.invalid"
                  : "catalogue.answer.wrongType"));
      return;
    }
    if (!NUMBER.matcher(text).matches()) {
      problems.add(Problem.of(key, "catalogue.answer.number.invalid"));
      return;
    }
    BigDecimal number = new BigDecimal(text.replace(',', '.'));
    if (field.minValue() != null && number.compareTo(field.minValue()) < 0) {
      problems.add(Problem.of(key, "catalogue.answer.number.tooSmall", field.minValue()));
    }
    if (field.maxValue() != null && number.compareTo(field.maxValue()) > 0) {
      problems.add(Problem.of(key, "catalogue.answer.number.tooLarge", field.maxValue()));
    }
  }

  private static void checkMultipleChoice(
      FieldDefinition field, JsonNode value, List<Problem> problems) {
    String key = field.key();
    if (!value.isArray() || value.size() > field.choices().size()) {
      problems.add(Problem.of(key, "catalogue.answer.wrongType"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        problems.add(Problem.of(key, "catalogue.answer.wrongType"));
        return;
      }
      if (field.choice(item.textValue()).isEmpty()) {
        problems.add(Problem.of(key, "catalogue.answer.choice.unknown"));
        return;
      }
      if (!seen.add(item.textValue())) {
        problems.add(Problem.of(key, "catalogue.answer.choice.duplicate"));
        return;
      }
    }
  }

  private static void checkAddress(FieldDefinition field, JsonNode value, List<Problem> problems) {
    String key = field.key();
    if (!value.isObject()) {
      problems.add(Problem.of(key, "catalogue.answer.wrongType"));
      return;
    }
    Iterator<String> names = value.fieldNames();
    while (names.hasNext()) {
      String part = names.next();
      if (!ADDRESS_PARTS.contains(part)) {
        problems.add(Problem.of(key + "." + safeKey(part), "catalogue.answer.unknownField"));
      }
    }
    for (String part : List.of("street", "houseNumber", "postalCode", "city")) {
      String target = key + "." + part;
      JsonNode partValue = value.get(part);
      if (isEmpty(partValue)) {
        // An address is all or nothing: a half address cannot be delivered to.
        problems.add(Problem.of(target, "catalogue.answer.required"));
        continue;
      }
      Optional<String> text = singleLine(target, partValue, problems);
      if (text.isEmpty()) {
        continue;
      }
      String s = text.get().strip();
      if (s.length() > ADDRESS_PART_MAX) {
        problems.add(Problem.of(target, "catalogue.answer.tooLong", ADDRESS_PART_MAX));
      } else if (part.equals("postalCode") && !POSTAL_CODE.matcher(s).matches()) {
        problems.add(Problem.of(target, "catalogue.answer.postalCode.invalid"));
      } else if (part.equals("houseNumber") && !HOUSE_NUMBER.matcher(s).matches()) {
        problems.add(Problem.of(target, "catalogue.answer.houseNumber.invalid"));
      }
    }
  }

  private static void checkFiles(
      String key, JsonNode value, AttachmentRules rules, List<Problem> problems) {
    List<JsonNode> ids = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(ids::add);
    } else {
      ids.add(value);
    }
    if (ids.size() > rules.maxCount()) {
      problems.add(Problem.of(key, "catalogue.answer.file.tooMany", rules.maxCount()));
      return;
    }
    for (JsonNode id : ids) {
      if (!id.isTextual() || !ATTACHMENT_ID.matcher(id.textValue()).matches()) {
        problems.add(Problem.of(key, "catalogue.answer.file.invalid"));
        return;
      }
    }
  }

  /** Reads a yes/no answer: JSON booleans, or the strings a plain HTML form sends. */
  static Optional<Boolean> yesNo(JsonNode value) {
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    if (value.isTextual()
        && (value.textValue().equals("true") || value.textValue().equals("false"))) {
      return Optional.of(Boolean.valueOf(value.textValue()));
    }
    return Optional.empty();
  }

  private static Optional<String> singleLine(String key, JsonNode value, List<Problem> problems) {
    return string(key, value, false, problems);
  }

  /**
   * The string value if it has the right type, fits the hard cap and has only allowed characters.
   */
  private static Optional<String> string(
      String key, JsonNode value, boolean multiLine, List<Problem> problems) {
    if (!value.isTextual()) {
      problems.add(Problem.of(key, "catalogue.answer.wrongType"));
      return Optional.empty();
    }
    String text = value.textValue();
    if (text.length() > HARD_MAX_CHARS) {
      problems.add(Problem.of(key, "catalogue.answer.tooLong", HARD_MAX_CHARS));
      return Optional.empty();
    }
    if (!allowedCharacters(text, multiLine)) {
      problems.add(Problem.of(key, "catalogue.answer.invalidCharacter"));
      return Optional.empty();
    }
    return Optional.of(text);
  }

  static boolean allowedCharacters(String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        if (!(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
          return false;
        }
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c) || isBidiControl(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }

  private static boolean isIsoDate(String text) {
    if (!DATE.matcher(text).matches()) {
      return false;
    }
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * Administrators write the patterns, citizens write the input: a pattern with catastrophic
   * backtracking must not let one request occupy a server thread. The matcher reads the input
   * through a counting view and gives up (as "does not match") once the budget is spent.
   */
  static boolean matchesWithinBudget(String pattern, String text) {
    try {
      return Pattern.compile(pattern)
          .matcher(new BudgetedChars(text, new int[] {PATTERN_BUDGET}))
          .matches();
    } catch (BudgetExceeded | StackOverflowError e) {
      return false;
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  private record BudgetedChars(String text, int[] budget) implements CharSequence {
    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new BudgetExceeded();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedChars(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
