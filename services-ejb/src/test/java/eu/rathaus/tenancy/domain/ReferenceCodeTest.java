package eu.rathaus.tenancy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceCodeTest {

  @Test
  void proposesTheFirstThreeLettersOfTheName() {
    assertEquals(Optional.of("SEE"), ReferenceCode.propose("Seebach", code -> false));
    assertEquals(
        Optional.of("MUE"), ReferenceCode.propose("München", code -> false), "umlauts spelled out");
    assertEquals(
        Optional.of("BAD"), ReferenceCode.propose("Bad Tölz", code -> false), "spaces dropped");
    assertEquals(Optional.of("OEH"), ReferenceCode.propose("Öhringen", code -> false));
    assertEquals(Optional.of("ENS"), ReferenceCode.propose("Ensdorf (Saar)", code -> false));
    assertEquals(
        Optional.of("CRE"), ReferenceCode.propose("Crémieux", code -> false), "accents dropped");
    assertEquals(
        Optional.of("AXX"), ReferenceCode.propose("A-1", code -> false), "short names are padded");
  }

  @Test
  void takenCodesAreSkippedFirstByTheThirdLetterThenByTheLastTwo() {
    assertEquals(Optional.of("SEA"), ReferenceCode.propose("Seebach", "SEE"::equals));
    Set<String> taken = new HashSet<>();
    for (char c = 'A'; c <= 'Z'; c++) {
      taken.add("SE" + c);
    }
    assertEquals(Optional.of("SAA"), ReferenceCode.propose("Seebach", taken::contains));
    assertEquals(Optional.empty(), ReferenceCode.propose("Seebach", code -> code.startsWith("S")));
  }

  @Test
  void validCodesAreExactlyThreeCapitalLetters() {
    assertTrue(ReferenceCode.isValid("SEE"));
    assertFalse(ReferenceCode.isValid("see"));
    assertFalse(ReferenceCode.isValid("SE"));
    assertFalse(ReferenceCode.isValid("SEEB"));
    assertFalse(ReferenceCode.isValid("SÄE"));
    assertFalse(ReferenceCode.isValid(null));
    assertEquals("SEE", ReferenceCode.normalise(" see "));
    assertEquals(null, ReferenceCode.normalise("  "));
  }
}
