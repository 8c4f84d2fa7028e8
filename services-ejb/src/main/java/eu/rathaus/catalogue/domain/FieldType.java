package eu.rathaus.catalogue.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of field a form can have; {@link #jsonName()} is the spelling in the definition JSON.
 */
public enum FieldType {
  TEXT("text"),
  LONG_TEXT("longText"),
  NUMBER("number"),
  DATE("date"),
  YES_NO("yesNo"),
  SINGLE_CHOICE("singleChoice"),
  MULTIPLE_CHOICE("multipleChoice"),
  EMAIL("email"),
  PHONE("phone"),
  POSTAL_ADDRESS("postalAddress"),
  IBAN("iban"),
  FILE("file");

  private final String jsonName;

  FieldType(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public boolean isChoice() {
    return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
  }

  public static Optional<FieldType> fromJson(String name) {
    return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
  }
}
