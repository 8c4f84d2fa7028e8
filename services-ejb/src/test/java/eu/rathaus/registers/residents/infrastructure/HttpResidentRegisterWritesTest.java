package eu.rathaus.registers.residents.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.registers.residents.domain.MoveRequest.NewAddress;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.registers.residents.domain.RegisterUnavailable.Cause;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The external register's contract only reads: every write is refused as an error answer, at once
 * and without a request (the adapter points at a port nobody listens on, so a request would end as
 * UNREACHABLE instead).
 */
class HttpResidentRegisterWritesTest {

  private static final UUID MUNICIPALITY = UUID.randomUUID();
  private static final UUID RESIDENT = UUID.randomUUID();
  private static final NewAddress ADDRESS =
      new NewAddress("Hauptstraße", "1", "12345", "Musterstadt");
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  private final HttpResidentRegister register =
      new HttpResidentRegister(
          RegisterServiceSettings.from(
                  k ->
                      Optional.ofNullable(
                          Map.of(
                                  RegisterServiceSettings.URL, "http://127.0.0.1:9/v1",
                                  RegisterServiceSettings.CLIENT_ID, "portal",
                                  RegisterServiceSettings.CLIENT_SECRET, "s3cret")
                              .get(k)))
              .orElseThrow());

  @Test
  void aChangeOfAddressIsRefused() {
    assertRefused(() -> register.move(MUNICIPALITY, RESIDENT, ADDRESS, DAY), "changes of address");
  }

  @Test
  void aRegistrationIsRefused() {
    assertRefused(
        () -> register.register(MUNICIPALITY, "Erika", "Muster", DAY, "eid.x", ADDRESS, DAY),
        "registrations");
  }

  @Test
  void aPreviousAddressIsRefused() {
    assertRefused(
        () -> register.recordPreviousAddress(MUNICIPALITY, RESIDENT, ADDRESS, DAY),
        "address history");
  }

  @Test
  void aHouseholdLinkIsRefused() {
    assertRefused(
        () -> register.joinHousehold(MUNICIPALITY, List.of(RESIDENT, UUID.randomUUID())),
        "household links");
  }

  private static void assertRefused(ThrowingCallable write, String what) {
    assertThatThrownBy(write)
        .isInstanceOfSatisfying(
            RegisterUnavailable.class, e -> assertThat(e.reason()).isEqualTo(Cause.ERROR_ANSWER))
        .hasMessageEndingWith("the external register service takes no " + what);
  }
}
