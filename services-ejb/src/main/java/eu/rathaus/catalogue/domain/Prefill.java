package eu.rathaus.catalogue.domain;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Where a form field's value comes from before the citizen types anything: a fact the eID asserts
 * or one of the resident register; and whether she may change it. The form declares it per field
 * ({@code "prefill": {"source": "register.address", "editable": false}}); the application form
 * shows the value marked with its origin, and the submission records the source of each value.
 */
public record Prefill(Source source, boolean editable) implements Serializable {

  /** Where a fact comes from; the citizen sees it next to the value. */
  public enum Origin {
    /** "aus Ihrem Personalausweis": asserted by the eID at sign-in. */
    EID,
    /** "aus dem Melderegister": the municipality's resident register. */
    REGISTER
  }

  /** The facts a field can be filled with, and the field types that can hold them. */
  public enum Source {
    EID_GIVEN_NAME("eid.givenName", Origin.EID, Set.of(FieldType.TEXT)),
    EID_FAMILY_NAME("eid.familyName", Origin.EID, Set.of(FieldType.TEXT)),
    EID_BIRTH_DATE("eid.birthDate", Origin.EID, Set.of(FieldType.DATE)),
    EID_BIRTH_PLACE("eid.birthPlace", Origin.EID, Set.of(FieldType.TEXT)),
    EID_ADDRESS("eid.address", Origin.EID, Set.of(FieldType.POSTAL_ADDRESS)),
    REGISTER_ADDRESS("register.address", Origin.REGISTER, Set.of(FieldType.POSTAL_ADDRESS)),
    REGISTER_HOUSEHOLD(
        "register.household", Origin.REGISTER, Set.of(FieldType.TEXT, FieldType.LONG_TEXT)),
    REGISTER_NATIONALITY("register.nationality", Origin.REGISTER, Set.of(FieldType.TEXT));

    private final String key;
    private final Origin origin;
    private final Set<FieldType> types;

    Source(String key, Origin origin, Set<FieldType> types) {
      this.key = key;
      this.origin = origin;
      this.types = types;
    }

    public String key() {
      return key;
    }

    public Origin origin() {
      return origin;
    }

    /** Whether a field of that type can hold this fact. */
    public boolean fits(FieldType type) {
      return types.contains(type);
    }

    public static Optional<Source> of(String key) {
      for (Source s : values()) {
        if (s.key.equals(key)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }
}
