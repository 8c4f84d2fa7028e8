package eu.rathaus.catalogue.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.identity.LevelOfAssurance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a form definition document and turns it into a {@link FormDefinition}.
 *
 * <p>Two stages, because neither alone is enough. The JSON Schema ({@value #SCHEMA_RESOURCE}) is
 * the contract other portals and the JSON export/import rely on, so the shape is checked by a
 * standard validator against that published schema rather than by hand-written code that could
 * drift from it. What a schema cannot say — keys unique across the whole form, conditions that only
 * point to earlier fields, a fee that depends on an existing single-choice field — is checked here
 * in code.
 *
 * <p>Definitions come from municipal administrators and from imported files, so the parser is
 * strict: duplicate JSON keys are refused (otherwise two readers could see two different forms in
 * one document) and the document size is capped.
 */
public final class FormDefinitionValidator {

  public static final String SCHEMA_RESOURCE = "/catalogue/form-definition.schema.json";

  /**
   * A definition is a few dozen kilobytes; a megabyte leaves room and stops accidental huge
   * uploads.
   */
  public static final int MAX_DOCUMENT_CHARS = 1_000_000;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(32)
                          .maxStringLength(MAX_DOCUMENT_CHARS)
                          .build())
                  .build())
          // Decimals stay exact (no double rounding, no Infinity from 1e999).
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Compiled once: the schema never changes at run time and compiling it is the expensive part. */
  private static final Schema SCHEMA = loadSchema();

  /**
   * Outcome of a check: problems, or the definition with its canonical JSON (compact, as stored)
   * and the JSON of its fee rule alone (stored beside it so catalogue listings need not parse
   * forms).
   */
  public record Result(
      List<Problem> problems, FormDefinition definition, String canonicalJson, String feeJson) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean isValid() {
      return problems.isEmpty();
    }

    static Result invalid(List<Problem> problems) {
      return new Result(problems, null, null, null);
    }
  }

  private FormDefinitionValidator() {}

  private static Schema loadSchema() {
    try (InputStream in = FormDefinitionValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + SCHEMA_RESOURCE);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks a document given as JSON text. Never throws on bad input. */
  public static Result validate(String json) {
    if (json == null || json.isBlank()) {
      return Result.invalid(List.of(Problem.of("", "catalogue.definition.empty")));
    }
    if (json.length() > MAX_DOCUMENT_CHARS) {
      return Result.invalid(
          List.of(Problem.of("", "catalogue.definition.tooLarge", MAX_DOCUMENT_CHARS)));
    }
    JsonNode document;
    try {
      document = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return Result.invalid(
          List.of(Problem.of("", "catalogue.definition.notJson", e.getOriginalMessage())));
    }
    return validate(document);
  }

  /** Checks an already parsed document. Never throws on bad input. */
  public static Result validate(JsonNode document) {
    if (document == null || !document.isObject()) {
      return Result.invalid(List.of(Problem.of("", "catalogue.definition.notObject")));
    }
    List<Error> schemaErrors = SCHEMA.validate(document);
    if (!schemaErrors.isEmpty()) {
      // The library's English message names the schema rule; administrators see it next to the
      // location, which is what they need to fix an imported file.
      return Result.invalid(
          schemaErrors.stream()
              .map(
                  e ->
                      Problem.of(
                          String.valueOf(e.getInstanceLocation()),
                          "catalogue.definition.schema",
                          String.valueOf(e.getInstanceLocation()),
                          e.getMessage()))
              .toList());
    }
    FormDefinition definition = read(document);
    List<Problem> problems = semanticProblems(definition);
    if (!problems.isEmpty()) {
      return Result.invalid(problems);
    }
    try {
      return new Result(
          List.of(),
          definition,
          MAPPER.writeValueAsString(document),
          MAPPER.writeValueAsString(document.get("fee")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A parsed tree must serialise again", e);
    }
  }

  /**
   * Parses JSON with the same strict settings as definitions (duplicate keys refused, size capped).
   */
  public static JsonNode parseJson(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }

  /**
   * Reads a definition that is known to be valid, e.g. the frozen content of a published version.
   */
  public static FormDefinition readTrusted(String json) {
    Result result = validate(json);
    if (!result.isValid()) {
      throw new IllegalStateException("Stored form definition is not valid: " + result.problems());
    }
    return result.definition();
  }

  // --- rules the schema cannot express ---------------------------------------------------------

  private static List<Problem> semanticProblems(FormDefinition definition) {
    List<Problem> problems = new ArrayList<>();
    Set<String> stepKeys = new HashSet<>();
    Map<String, FieldDefinition> earlier = new LinkedHashMap<>();
    Map<String, FieldDefinition> all = new HashMap<>();
    definition.fields().forEach(f -> all.putIfAbsent(f.key(), f));
    boolean hasFileField = false;
    int notificationAddresses = 0;

    for (StepDefinition step : definition.steps()) {
      if (!stepKeys.add(step.key())) {
        problems.add(Problem.of(step.key(), "catalogue.definition.duplicateStepKey", step.key()));
      }
      for (FieldDefinition field : step.fields()) {
        String key = field.key();
        if (earlier.containsKey(key)) {
          problems.add(Problem.of(key, "catalogue.definition.duplicateFieldKey", key));
        }
        Set<String> choiceKeys = new HashSet<>();
        for (Choice choice : field.choices()) {
          if (!choiceKeys.add(choice.key())) {
            problems.add(
                Problem.of(key, "catalogue.definition.duplicateChoiceKey", key, choice.key()));
          }
        }
        if (field.minLength() != null
            && field.maxLength() != null
            && field.minLength() > field.maxLength()) {
          problems.add(Problem.of(key, "catalogue.definition.rangeInverted", key));
        }
        if (field.minValue() != null
            && field.maxValue() != null
            && field.minValue().compareTo(field.maxValue()) > 0) {
          problems.add(Problem.of(key, "catalogue.definition.rangeInverted", key));
        }
        if (field.pattern() != null) {
          try {
            Pattern.compile(field.pattern());
          } catch (PatternSyntaxException e) {
            problems.add(Problem.of(key, "catalogue.definition.invalidPattern", key));
          }
        }
        if (field.visibleIf() != null) {
          checkCondition(field, earlier, all, problems);
        }
        hasFileField |= field.type() == FieldType.FILE;
        if (field.prefill() != null && !field.prefill().source().fits(field.type())) {
          problems.add(
              Problem.of(
                  key, "catalogue.definition.prefillType", key, field.prefill().source().key()));
        }
        if (field.notificationAddress()) {
          notificationAddresses++;
          if (field.type() != FieldType.EMAIL) {
            problems.add(Problem.of(key, "catalogue.definition.notificationNotEmail", key));
          }
        }
        earlier.putIfAbsent(key, field);
      }
    }
    if (definition.fee() instanceof FeeRule.ByChoice byChoice) {
      checkFee(byChoice, all, problems);
    }
    if (notificationAddresses > 1) {
      problems.add(Problem.of("fields", "catalogue.definition.notificationTwice"));
    }
    if (hasFileField && definition.attachments().maxCount() < 1) {
      problems.add(Problem.of("attachments", "catalogue.definition.attachmentsMissing"));
    }
    return problems;
  }

  private static void checkCondition(
      FieldDefinition field,
      Map<String, FieldDefinition> earlier,
      Map<String, FieldDefinition> all,
      List<Problem> problems) {
    VisibilityCondition condition = field.visibleIf();
    FieldDefinition source = earlier.get(condition.fieldKey());
    if (source == null) {
      String key =
          all.containsKey(condition.fieldKey())
              ? "catalogue.definition.conditionNotEarlier"
              : "catalogue.definition.conditionUnknownField";
      problems.add(Problem.of(field.key(), key, field.key(), condition.fieldKey()));
      return;
    }
    switch (source.type()) {
      case YES_NO -> {
        if (!"true".equals(condition.value()) && !"false".equals(condition.value())) {
          problems.add(
              Problem.of(
                  field.key(),
                  "catalogue.definition.conditionNotBoolean",
                  field.key(),
                  source.key()));
        }
      }
      case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
        if (source.choice(condition.value()).isEmpty()) {
          problems.add(
              Problem.of(
                  field.key(),
                  "catalogue.definition.conditionUnknownChoice",
                  field.key(),
                  source.key(),
                  condition.value()));
        }
      }
      default ->
          problems.add(
              Problem.of(
                  field.key(),
                  "catalogue.definition.conditionFieldType",
                  field.key(),
                  source.key()));
    }
  }

  private static void checkFee(
      FeeRule.ByChoice fee, Map<String, FieldDefinition> all, List<Problem> problems) {
    FieldDefinition source = all.get(fee.fieldKey());
    if (source == null) {
      problems.add(Problem.of("fee", "catalogue.definition.feeUnknownField", fee.fieldKey()));
      return;
    }
    if (source.type() != FieldType.SINGLE_CHOICE) {
      problems.add(
          Problem.of("fee", "catalogue.definition.feeFieldNotSingleChoice", fee.fieldKey()));
      return;
    }
    // The fee must be computable for every complete application: the field is always shown and
    // always answered, and every option has a price.
    if (!source.required() || source.visibleIf() != null) {
      problems.add(Problem.of("fee", "catalogue.definition.feeFieldOptional", fee.fieldKey()));
    }
    for (Choice choice : source.choices()) {
      if (!fee.amounts().containsKey(choice.key())) {
        problems.add(
            Problem.of(
                "fee", "catalogue.definition.feeChoiceMissing", fee.fieldKey(), choice.key()));
      }
    }
    for (String priced : fee.amounts().keySet()) {
      if (source.choice(priced).isEmpty()) {
        problems.add(
            Problem.of("fee", "catalogue.definition.feeUnknownChoice", fee.fieldKey(), priced));
      }
    }
  }

  // --- reading a schema-valid tree -------------------------------------------------------------

  private static FormDefinition read(JsonNode document) {
    List<StepDefinition> steps = new ArrayList<>();
    for (JsonNode step : document.get("steps")) {
      List<FieldDefinition> fields = new ArrayList<>();
      for (JsonNode field : step.get("fields")) {
        fields.add(readField(field));
      }
      steps.add(
          new StepDefinition(
              step.get("key").textValue(), text(step.get("title")), fields, fimId(step)));
    }
    JsonNode attachments = document.get("attachments");
    AttachmentRules rules = AttachmentRules.NONE;
    if (attachments != null) {
      List<String> types = new ArrayList<>();
      attachments.get("allowedContentTypes").forEach(t -> types.add(t.textValue()));
      rules =
          new AttachmentRules(
              attachments.get("maxCount").intValue(),
              attachments.get("maxSizeBytes").longValue(),
              types);
    }
    return new FormDefinition(
        steps,
        readFee(document.get("fee")),
        LevelOfAssurance.valueOf(document.get("levelOfAssurance").textValue()),
        document.get("processingDays").intValue(),
        rules,
        document.path("decideBeforePayment").asBoolean(false));
  }

  private static FieldDefinition readField(JsonNode field) {
    List<Choice> choices = new ArrayList<>();
    if (field.has("choices")) {
      for (JsonNode choice : field.get("choices")) {
        choices.add(new Choice(choice.get("key").textValue(), text(choice.get("label"))));
      }
    }
    VisibilityCondition condition = null;
    JsonNode visibleIf = field.get("visibleIf");
    if (visibleIf != null) {
      condition =
          new VisibilityCondition(
              visibleIf.get("field").textValue(), visibleIf.get("equals").asText());
    }
    return new FieldDefinition(
        field.get("key").textValue(),
        FieldType.fromJson(field.get("type").textValue()).orElseThrow(),
        text(field.get("label")),
        field.has("help") ? text(field.get("help")) : null,
        field.path("required").asBoolean(false),
        field.has("minLength") ? field.get("minLength").intValue() : null,
        field.has("maxLength") ? field.get("maxLength").intValue() : null,
        field.has("minValue") ? decimal(field.get("minValue")) : null,
        field.has("maxValue") ? decimal(field.get("maxValue")) : null,
        field.has("pattern") ? field.get("pattern").textValue() : null,
        choices,
        condition,
        field.path("notificationAddress").asBoolean(false),
        fimId(field),
        prefill(field.path("prefill")));
  }

  /** The declared prefill; an unknown source is kept out here and refused by the semantic check. */
  private static Prefill prefill(JsonNode prefill) {
    if (!prefill.isObject()) {
      return null;
    }
    return Prefill.Source.of(prefill.path("source").asText())
        .map(source -> new Prefill(source, prefill.path("editable").asBoolean(true)))
        .orElse(null);
  }

  private static String fimId(JsonNode node) {
    JsonNode id = node.path("fim").path("id");
    return id.isTextual() ? id.textValue() : null;
  }

  private static FeeRule readFee(JsonNode fee) {
    if ("fixed".equals(fee.get("type").textValue())) {
      return new FeeRule.Fixed(Money.euroCents(fee.get("amountCents").longValue()));
    }
    Map<String, Money> amounts = new LinkedHashMap<>();
    fee.get("amountsCents")
        .fields()
        .forEachRemaining(e -> amounts.put(e.getKey(), Money.euroCents(e.getValue().longValue())));
    return new FeeRule.ByChoice(fee.get("field").textValue(), amounts);
  }

  private static LocalizedText text(JsonNode node) {
    return new LocalizedText(node.get("de").textValue(), node.get("en").textValue());
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.decimalValue();
  }
}
