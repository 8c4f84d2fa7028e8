package eu.rathaus.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailDomainsTest {

  private static final List<String> MUSTERSTADT = List.of("musterstadt.de");

  @Test
  void anAddressOfTheDomainCountsWhateverTheCase() {
    assertThat(EmailDomains.isIn("mia@musterstadt.de", MUSTERSTADT)).isTrue();
    assertThat(EmailDomains.isIn(" Mia@MusterStadt.DE ", MUSTERSTADT)).isTrue();
  }

  @Test
  void otherDomainsSubdomainsAndLookalikesDoNot() {
    assertThat(EmailDomains.isIn("paula.plattform@example.org", MUSTERSTADT)).isFalse();
    assertThat(EmailDomains.isIn("x@mail.musterstadt.de", MUSTERSTADT)).isFalse();
    assertThat(EmailDomains.isIn("x@evilmusterstadt.de", MUSTERSTADT)).isFalse();
    assertThat(EmailDomains.isIn("x@musterstadt.de.evil.example", MUSTERSTADT)).isFalse();
  }

  @Test
  void malformedOrMissingAddressesNeverCount() {
    assertThat(EmailDomains.isIn(null, MUSTERSTADT)).isFalse();
    assertThat(EmailDomains.isIn("", MUSTERSTADT)).isFalse();
    assertThat(EmailDomains.isIn("musterstadt.de", MUSTERSTADT)).isFalse();
    assertThat(EmailDomains.isIn("@musterstadt.de", MUSTERSTADT)).isFalse();
    assertThat(EmailDomains.isIn("a@evil.example@musterstadt.de", MUSTERSTADT)).isFalse();
    assertThat(EmailDomains.isIn("mia@", MUSTERSTADT)).isFalse();
  }

  @Test
  void noDomainsMeansNobody() {
    assertThat(EmailDomains.isIn("mia@musterstadt.de", List.of())).isFalse();
  }
}
