package eu.rathaus.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParsedFormsTest {

  @Test
  void theSameStoredDocumentIsReadOncePerVersion() {
    UUID version = UUID.randomUUID();

    FormDefinition first = ParsedForms.read(version, Forms.ALL_TYPES);
    FormDefinition again = ParsedForms.read(version, Forms.ALL_TYPES);

    assertThat(again).isSameAs(first);
    assertThat(first.processingDays()).isEqualTo(14);
  }

  @Test
  void anotherDocumentUnderTheSameIdIsReadAgainNeverTakenFromTheCache() {
    UUID version = UUID.randomUUID();
    ParsedForms.read(version, Forms.ALL_TYPES);

    FormDefinition changed =
        ParsedForms.read(version, Forms.changed(root -> root.put("processingDays", 30)));

    assertThat(changed.processingDays()).isEqualTo(30);
  }

  @Test
  void anInvalidStoredDocumentIsRefusedEveryTime() {
    UUID version = UUID.randomUUID();
    String broken = Forms.changed(root -> root.remove("steps"));

    assertThatThrownBy(() -> ParsedForms.read(version, broken))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ParsedForms.read(version, broken))
        .isInstanceOf(IllegalStateException.class);
  }
}
