package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerValidatorTest {

  private static final FormDefinition FORM = Forms.allTypes();

  /** The smallest complete, valid set of answers for the fixture form. */
  private static ObjectNode minimal() {
    ObjectNode answers = Forms.JSON.createObjectNode();
    answers.put("name", "Erika Mustermann");
    answers.put("hasDog", false);
    answers.put("size", "small");
    return answers;
  }

  private static AnswerValidator.Result validate(Consumer<ObjectNode> change) {
    ObjectNode answers = minimal();
    change.accept(answers);
    return AnswerValidator.validate(FORM, answers);
  }

  private static List<String> keysFor(AnswerValidator.Result result, String field) {
    return result.problemsFor(field).stream().map(Problem::messageKey).toList();
  }

  @Test
  void acceptsMinimalAndFullAnswers() {
    assertThat(validate(a -> {}).problems()).isEmpty();

    AnswerValidator.Result full =
        AnswerValidator.validate(
            FORM,
            Forms.answers(
                """
                {"name": "Max", "plate": "M-AB 123", "notes": "Zeile 1\\r\\nZeile 2\\tEnde", "age": 42, "born": "1984-02-29",
                 "hasDog": true, "dogName": "Bello", "size": "large", "largeReason": "Viel Platz",
                 "extras": ["a", "b"], "bNote": "B!", "email": "erika.mustermann@example.de", "phone": "+49 (30) 1234-567",
                 "address": {"street": "Hauptstraße", "houseNumber": "12a", "postalCode": "80331", "city": "München"},
                 "iban": "DE89 3704 0044 0532 0130 00", "proof": ["a1b2c3"]}
                """));
    assertThat(full.problems()).isEmpty();
    assertThat(full.visibleFields()).contains("dogName", "largeReason", "bNote");
  }

  @Test
  void reportsMissingRequiredFieldsEachAtItsField() {
    AnswerValidator.Result result =
        AnswerValidator.validate(FORM, Forms.answers("{\"name\": \"   \"}"));

    assertThat(keysFor(result, "name")).containsExactly("catalogue.answer.required");
    assertThat(keysFor(result, "hasDog")).containsExactly("catalogue.answer.required");
    assertThat(keysFor(result, "size")).containsExactly("catalogue.answer.required");
    assertThat(keysFor(result, "dogName")).isEmpty();
  }

  @Test
  void requiredFieldOfAVisibleBranchMustBeAnswered() {
    assertThat(keysFor(validate(a -> a.put("hasDog", true)), "dogName"))
        .containsExactly("catalogue.answer.required");
    assertThat(keysFor(validate(a -> a.put("size", "large")), "largeReason"))
        .containsExactly("catalogue.answer.required");
  }

  @Test
  void stepValidationOnlyRequiresFieldsUpToThatStepButChecksEveryValue() {
    ObjectNode firstStepOnly =
        Forms.JSON
            .createObjectNode()
            .put("name", "Erika")
            .put("hasDog", false)
            .put("email", "kaputt");

    AnswerValidator.Result result = AnswerValidator.validateUpToStep(FORM, firstStepOnly, "person");

    assertThat(keysFor(result, "size")).isEmpty();
    assertThat(keysFor(result, "email")).containsExactly("catalogue.answer.email.invalid");
    assertThat(AnswerValidator.validateUpToStep(FORM, firstStepOnly, "details").problemsFor("size"))
        .isNotEmpty();
    assertThat(AnswerValidator.validateUpToStep(FORM, firstStepOnly, "nope").problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.answer.unknownStep");
  }

  // --- hostile input ---------------------------------------------------------------------------

  @Test
  void refusesUnknownKeysAndCutsThemWhenEchoing() {
    String longKey = "x".repeat(5000) + "<script>";
    AnswerValidator.Result result =
        validate(
            a -> {
              a.put("isAdmin", true);
              a.put(longKey, "1");
            });

    assertThat(keysFor(result, "isAdmin")).containsExactly("catalogue.answer.unknownField");
    assertThat(result.problems())
        .allSatisfy(p -> assertThat(p.target().length()).isLessThanOrEqualTo(64));
    assertThat(result.problems()).extracting(Problem::target).noneMatch(t -> t.contains("<"));
  }

  @Test
  void refusesValuesForHiddenFieldsButToleratesEmptyOnes() {
    assertThat(keysFor(validate(a -> a.put("dogName", "Bello")), "dogName"))
        .containsExactly("catalogue.answer.hiddenField");
    assertThat(keysFor(validate(a -> a.put("largeReason", "sneaky")), "largeReason"))
        .containsExactly("catalogue.answer.hiddenField");
    assertThat(keysFor(validate(a -> a.put("bNote", "x")), "bNote"))
        .containsExactly("catalogue.answer.hiddenField");
    assertThat(validate(a -> a.put("dogName", "")).problems()).isEmpty();
    assertThat(validate(a -> a.putNull("dogName")).problems()).isEmpty();
  }

  @Test
  void refusesTenMegabyteStrings() {
    String tenMegabytes = "A".repeat(10 * 1024 * 1024);

    AnswerValidator.Result result =
        validate(
            a -> {
              a.put("name", tenMegabytes);
              a.put("notes", tenMegabytes);
              a.put("email", tenMegabytes);
              a.put("plate", tenMegabytes);
            });

    assertThat(keysFor(result, "name")).containsExactly("catalogue.answer.tooLong");
    assertThat(keysFor(result, "notes")).containsExactly("catalogue.answer.tooLong");
    assertThat(keysFor(result, "email")).containsExactly("catalogue.answer.tooLong");
    assertThat(keysFor(result, "plate")).containsExactly("catalogue.answer.tooLong");
    assertThat(result.problemsFor("name").get(0).args())
        .containsExactly(AnswerValidator.HARD_MAX_CHARS);
  }

  @Test
  void tenMegabytesOfBlanksAreTooLongNotMerelyEmpty() {
    assertThat(keysFor(validate(a -> a.put("name", " ".repeat(10 * 1024 * 1024))), "name"))
        .containsExactly("catalogue.answer.tooLong");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Erika\u0000",
        "Erika\u0007",
        "Eri\nka",
        "Eri\tka",
        "Erika\u001b[31m",
        "Erika\u007f",
        "Erika\u0085",
        "\u202eakirE",
        "Erika\ud800"
      })
  void refusesControlCharactersInSingleLineText(String hostile) {
    assertThat(keysFor(validate(a -> a.put("name", hostile)), "name"))
        .containsExactly("catalogue.answer.invalidCharacter");
  }

  @Test
  void longTextAllowsLineBreaksAndTabsButNoOtherControlCharacters() {
    assertThat(validate(a -> a.put("notes", "a\r\nb\tc")).problems()).isEmpty();
    assertThat(keysFor(validate(a -> a.put("notes", "a\u0000b")), "notes"))
        .containsExactly("catalogue.answer.invalidCharacter");
    assertThat(keysFor(validate(a -> a.put("notes", "a\u000bb")), "notes"))
        .containsExactly("catalogue.answer.invalidCharacter");
  }

  @Test
  void htmlIsNotRefusedItIsPlainTextToBeEscapedWhenShown() {
    assertThat(
            validate(a -> a.put("notes", "<script>alert('x')</script> & <b>fett</b>")).problems())
        .isEmpty();
  }

  @Test
  void surrogatePairsLikeEmojiAreFineAndCountAsOneCharacter() {
    assertThat(validate(a -> a.put("name", "Jo😀")).problems()).isEmpty();
    assertThat(keysFor(validate(a -> a.put("name", "😀")), "name"))
        .containsExactly("catalogue.answer.tooShort");
  }

  @Test
  void refusesWrongJsonTypes() {
    assertThat(keysFor(validate(a -> a.put("name", 42)), "name"))
        .containsExactly("catalogue.answer.wrongType");
    assertThat(keysFor(validate(a -> a.putArray("name").add("x")), "name"))
        .containsExactly("catalogue.answer.wrongType");
    assertThat(keysFor(validate(a -> a.putObject("size").put("key", "small")), "size"))
        .containsExactly("catalogue.answer.wrongType");
    assertThat(keysFor(validate(a -> a.put("extras", "a")), "extras"))
        .containsExactly("catalogue.answer.wrongType");
    assertThat(keysFor(validate(a -> a.put("address", "Hauptstraße 1")), "address"))
        .containsExactly("catalogue.answer.wrongType");
    assertThat(keysFor(validate(a -> a.put("age", true)), "age"))
        .containsExactly("catalogue.answer.wrongType");
  }

  @Test
  void refusesAnswersThatAreNoObjectOrHaveTooManyKeys() {
    assertThat(AnswerValidator.validate(FORM, Forms.answers("[]")).problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.answer.notAnObject");
    assertThat(AnswerValidator.validate(FORM, null).isValid()).isFalse();
    ObjectNode many = minimal();
    for (int i = 0; i < AnswerValidator.MAX_ANSWER_KEYS + 1; i++) {
      many.put("k" + i, i);
    }
    assertThat(AnswerValidator.validate(FORM, many).problems())
        .extracting(Problem::messageKey)
        .containsExactly("catalogue.answer.tooManyFields");
  }

  @Test
  void aPatternWithCatastrophicBacktrackingGivesUpInsteadOfHanging() {
    boolean matched = AnswerValidator.matchesWithinBudget("^(a+)+$", "a".repeat(5000) + "!");

    assertThat(matched).isFalse();
    assertThat(AnswerValidator.matchesWithinBudget("^(a+)+$", "aaaa")).isTrue();
    // The budget counts characters read, not time: a text that does match but needs more reads than
    // the budget is given up on too, which shows the cut-off without timing anything.
    String longMatch = "a".repeat(AnswerValidator.PATTERN_BUDGET) + "x";
    assertThat(AnswerValidator.matchesWithinBudget(".*x", longMatch)).isFalse();
    assertThat(AnswerValidator.matchesWithinBudget(".*x", "a".repeat(1000) + "x")).isTrue();
  }

  // --- the rules of each type ------------------------------------------------------------------

  @Test
  void textLengthAndPattern() {
    assertThat(keysFor(validate(a -> a.put("name", "E")), "name"))
        .containsExactly("catalogue.answer.tooShort");
    assertThat(keysFor(validate(a -> a.put("name", "E".repeat(51))), "name"))
        .containsExactly("catalogue.answer.tooLong");
    assertThat(validate(a -> a.put("name", "E".repeat(50))).problems()).isEmpty();
    assertThat(validate(a -> a.put("plate", "M-AB 1234")).problems()).isEmpty();
    assertThat(keysFor(validate(a -> a.put("plate", "MAB1234")), "plate"))
        .containsExactly("catalogue.answer.pattern");
    assertThat(keysFor(validate(a -> a.put("notes", "x".repeat(501))), "notes"))
        .containsExactly("catalogue.answer.tooLong");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "130", "42", "42.5", "42,5", "-0"})
  void acceptsNumbersInRange(String number) {
    assertThat(validate(a -> a.put("age", number)).problems()).isEmpty();
  }

  @Test
  void numberRangeAndSyntax() {
    assertThat(keysFor(validate(a -> a.put("age", -1)), "age"))
        .containsExactly("catalogue.answer.number.tooSmall");
    assertThat(keysFor(validate(a -> a.put("age", 131)), "age"))
        .containsExactly("catalogue.answer.number.tooLarge");
    assertThat(keysFor(validate(a -> a.put("age", "1e3")), "age"))
        .containsExactly("catalogue.answer.number.invalid");
    assertThat(keysFor(validate(a -> a.put("age", "zwölf")), "age"))
        .containsExactly("catalogue.answer.number.invalid");
    assertThat(keysFor(validate(a -> a.put("age", "9".repeat(5000))), "age"))
        .containsExactly("catalogue.answer.number.invalid");
    assertThat(keysFor(validate(a -> a.put("age", 1e300)), "age"))
        .containsExactly("catalogue.answer.number.invalid");
    assertThat(keysFor(validate(a -> a.put("age", "NaN")), "age"))
        .containsExactly("catalogue.answer.number.invalid");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30",
        "2025-02-29",
        "27.11.2026",
        "2026-1-1",
        "2026-11-27T10:00",
        "+12026-01-01"
      })
  void refusesDatesThatAreNotIsoCalendarDays(String date) {
    assertThat(keysFor(validate(a -> a.put("born", date)), "born"))
        .containsExactly("catalogue.answer.date.invalid");
  }

  @Test
  void acceptsIsoDatesIncludingLeapDays() {
    assertThat(validate(a -> a.put("born", "2024-02-29")).problems()).isEmpty();
  }

  @Test
  void yesNoAcceptsBooleansAndTheirFormStrings() {
    assertThat(validate(a -> a.put("hasDog", "false")).problems()).isEmpty();
    assertThat(keysFor(validate(a -> a.put("hasDog", "ja")), "hasDog"))
        .containsExactly("catalogue.answer.yesNo.invalid");
    assertThat(keysFor(validate(a -> a.put("hasDog", 1)), "hasDog"))
        .containsExactly("catalogue.answer.yesNo.invalid");
  }

  @Test
  void choicesMustBeOfferedKeys() {
    assertThat(keysFor(validate(a -> a.put("size", "medium")), "size"))
        .containsExactly("catalogue.answer.choice.unknown");
    assertThat(keysFor(validate(a -> a.putArray("extras").add("a").add("z")), "extras"))
        .containsExactly("catalogue.answer.choice.unknown");
    assertThat(keysFor(validate(a -> a.putArray("extras").add("a").add("a")), "extras"))
        .containsExactly("catalogue.answer.choice.duplicate");
    assertThat(keysFor(validate(a -> a.putArray("extras").add("a").add(1)), "extras"))
        .containsExactly("catalogue.answer.wrongType");
    assertThat(validate(a -> a.putArray("extras")).problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "erika@example",
        "erika.example.de",
        "erika@@example.de",
        "erika @example.de",
        "erika@exa_mple.de",
        ".erika@example.de",
        "erika..m@example.de",
        "erika@-example.de"
      })
  void refusesMalformedEmailAddresses(String email) {
    assertThat(keysFor(validate(a -> a.put("email", email)), "email"))
        .containsExactly("catalogue.answer.email.invalid");
  }

  @Test
  void refusesOverlongEmailAddresses() {
    assertThat(keysFor(validate(a -> a.put("email", "a".repeat(250) + "@ex.de")), "email"))
        .containsExactly("catalogue.answer.email.invalid");
  }

  @Test
  void phoneNumbers() {
    assertThat(validate(a -> a.put("phone", "030 1234567")).problems()).isEmpty();
    assertThat(validate(a -> a.put("phone", "+49 89/123-45")).problems()).isEmpty();
    assertThat(keysFor(validate(a -> a.put("phone", "1234")), "phone"))
        .containsExactly("catalogue.answer.phone.invalid");
    assertThat(keysFor(validate(a -> a.put("phone", "call me")), "phone"))
        .containsExactly("catalogue.answer.phone.invalid");
    assertThat(keysFor(validate(a -> a.put("phone", "+49 " + "1".repeat(20))), "phone"))
        .containsExactly("catalogue.answer.phone.invalid");
  }

  @Test
  void postalAddressPartsAreCheckedEachAtItsOwnTarget() {
    AnswerValidator.Result result =
        validate(
            a ->
                a.putObject("address")
                    .put("street", "Hauptstraße")
                    .put("houseNumber", "zwölf")
                    .put("postalCode", "8033")
                    .put("country", "DE"));

    assertThat(keysFor(result, "address.houseNumber"))
        .containsExactly("catalogue.answer.houseNumber.invalid");
    assertThat(keysFor(result, "address.postalCode"))
        .containsExactly("catalogue.answer.postalCode.invalid");
    assertThat(keysFor(result, "address.city")).containsExactly("catalogue.answer.required");
    assertThat(keysFor(result, "address.country")).containsExactly("catalogue.answer.unknownField");
    assertThat(result.problemsFor("address")).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "12a", "12 a", "12-14", "7/9", "101 B"})
  void acceptsUsualHouseNumbers(String houseNumber) {
    assertThat(
            validate(
                    a ->
                        a.putObject("address")
                            .put("street", "Weg")
                            .put("houseNumber", houseNumber)
                            .put("postalCode", "01067")
                            .put("city", "Dresden"))
                .problems())
        .isEmpty();
  }

  @Test
  void postalCodeIsExactlyFiveDigits() {
    for (String bad : List.of("1234", "123456", "12 345", "abcde", "１２３４５")) {
      assertThat(
              keysFor(
                  validate(
                      a ->
                          a.putObject("address")
                              .put("street", "Weg")
                              .put("houseNumber", "1")
                              .put("postalCode", bad)
                              .put("city", "Ort")),
                  "address.postalCode"))
          .as(bad)
          .containsExactly("catalogue.answer.postalCode.invalid");
    }
  }

  @Test
  void ibanProblemsAreReportedByKind() {
    assertThat(validate(a -> a.put("iban", "de89370400440532013000")).problems()).isEmpty();
    assertThat(keysFor(validate(a -> a.put("iban", "DE89370400440532013001")), "iban"))
        .containsExactly("catalogue.answer.iban.checksum");
    assertThat(keysFor(validate(a -> a.put("iban", "DE8937040044053201300")), "iban"))
        .containsExactly("catalogue.answer.iban.length");
    assertThat(keysFor(validate(a -> a.put("iban", "XX89370400440532013000")), "iban"))
        .containsExactly("catalogue.answer.iban.country");
    assertThat(keysFor(validate(a -> a.put("iban", "Kontonummer 123")), "iban"))
        .containsExactly("catalogue.answer.iban.format");
  }

  @Test
  void fileAnswersAreAttachmentIdsWithinTheCountLimit() {
    assertThat(validate(a -> a.put("proof", "a1b2")).problems()).isEmpty();
    assertThat(keysFor(validate(a -> a.putArray("proof").add("a").add("b").add("c")), "proof"))
        .containsExactly("catalogue.answer.file.tooMany");
    assertThat(keysFor(validate(a -> a.put("proof", "../../etc/passwd")), "proof"))
        .containsExactly("catalogue.answer.file.invalid");
  }

  @Test
  void problemsCarryArgumentsForTheirMessages() {
    JsonNode answers = minimal().put("age", 500);

    Problem problem = AnswerValidator.validate(FORM, answers).problemsFor("age").get(0);

    assertThat(problem.args()).hasSize(1);
    assertThat(CatalogueMessages.format(problem, java.util.Locale.GERMAN))
        .isEqualTo("Bitte geben Sie eine Zahl bis 130 ein.");
    assertThat(CatalogueMessages.format(problem, java.util.Locale.ENGLISH))
        .isEqualTo("Please enter a number of at most 130.");
  }
}
