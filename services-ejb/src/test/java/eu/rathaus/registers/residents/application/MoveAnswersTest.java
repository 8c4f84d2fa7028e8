package eu.rathaus.registers.residents.application;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.registers.residents.domain.MoveRequest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoveAnswersTest {

  @Test
  void readsTheFormsAnswers() {
    MoveRequest r =
        MoveAnswers.request(
            "{\"moveKind\":\"within\",\"movingDate\":\"2026-12-01\","
                + "\"newAddress\":{\"street\":\"Rosenweg\",\"houseNumber\":\"5\","
                + "\"postalCode\":\"91099\",\"city\":\"Musterstadt\"},"
                + "\"movers\":\"Sabine Mustermann, 23.11.1982\\nLena Mustermann, 09.05.2015\","
                + "\"landlordConfirmation\":\"code\",\"landlordCode\":\" AB12CD \","
                + "\"landlordDocument\":[\"x\"]}");
    assertThat(r.kind()).isEqualTo(MoveRequest.Kind.WITHIN);
    assertThat(r.movingDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(r.newAddress().line()).isEqualTo("Rosenweg 5, 91099 Musterstadt");
    assertThat(r.movers()).hasSize(2);
    assertThat(r.landlordCode()).isEqualTo("AB12CD");
    assertThat(r.landlordDocument()).as("a hidden upload does not count").isFalse();
  }

  @Test
  void anUploadAndAMoveFromElsewhere() {
    MoveRequest r =
        MoveAnswers.request(
            "{\"moveKind\":\"fromElsewhere\",\"landlordConfirmation\":\"upload\","
                + "\"landlordDocument\":[\"0b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001\"]}");
    assertThat(r.kind()).isEqualTo(MoveRequest.Kind.FROM_ELSEWHERE);
    assertThat(r.landlordDocument()).isTrue();
    assertThat(r.landlordCode()).isNull();
    assertThat(r.movingDate()).isNull();
    assertThat(r.newAddress()).isNull();
  }

  @Test
  void nonsenseReadsAsNothing() {
    MoveRequest r = MoveAnswers.request("not json");
    assertThat(r.movers()).isEmpty();
    assertThat(r.movingDate()).isNull();
    assertThat(MoveAnswers.person("{\"birthDate\":\"12.08.1964\"}").complete()).isFalse();
  }
}
