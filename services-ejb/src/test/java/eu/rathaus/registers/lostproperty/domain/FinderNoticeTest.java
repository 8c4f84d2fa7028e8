package eu.rathaus.registers.lostproperty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FinderNoticeTest {

  @Test
  void aContactThatIsAnEmailAddressIsUsedAndNothingElse() {
    assertThat(FinderNotice.emailOf(" fiona@example.org ")).contains("fiona@example.org");
    assertThat(FinderNotice.emailOf("mailto:fiona@example.org")).contains("fiona@example.org");
    assertThat(FinderNotice.emailOf("0911 000000")).isEmpty();
    assertThat(FinderNotice.emailOf("Fiona, fiona@example.org")).isEmpty();
    assertThat(FinderNotice.emailOf("fiona@localhost")).isEmpty();
    assertThat(FinderNotice.emailOf("a@b@example.org")).isEmpty();
    assertThat(FinderNotice.emailOf("")).isEmpty();
    assertThat(FinderNotice.emailOf(null)).isEmpty();
  }

  @Test
  void theReferenceNamesTheItemByItsIdAndDateOnly() {
    UUID item = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    assertThat(FinderNotice.reference(item, LocalDate.of(2026, 6, 7)))
        .isEqualTo("FB-1A2B3C4D, 2026-06-07");
  }
}
