package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.registers.residents.domain.BlockNote;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentSummary;
import eu.rathaus.registers.residents.infrastructure.HttpResidentRegister;
import eu.rathaus.registers.residents.infrastructure.RegisterServiceSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's HTTP adapter of the resident register against the register service double, both
 * speaking the contract of resident-register-service.openapi.yaml: reads by identity, id, name and
 * household map to the domain; a refused secret, a closed port and a service that never answers
 * each end in a {@link RegisterUnavailable} with its cause, within the timeout.
 */
class LocalRegisterServiceTest {

  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  private static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");
  private static final UUID DORA = UUID.fromString("5e5d0000-0000-4000-8000-00000000d001");

  private LocalRegisterService service;

  @BeforeEach
  void start() {
    service = LocalRegisterService.start(Ports.freePort());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private HttpResidentRegister adapter(String url, String secret, long timeoutMs) {
    return new HttpResidentRegister(
        RegisterServiceSettings.from(
                key ->
                    Optional.ofNullable(
                        Map.of(
                                RegisterServiceSettings.URL,
                                url,
                                RegisterServiceSettings.CLIENT_ID,
                                LocalRegisterService.CLIENT_ID,
                                RegisterServiceSettings.CLIENT_SECRET,
                                secret,
                                RegisterServiceSettings.TIMEOUT_MS,
                                Long.toString(timeoutMs))
                            .get(key)))
            .orElseThrow());
  }

  private HttpResidentRegister adapter() {
    return adapter(service.baseUrl(), LocalRegisterService.CLIENT_SECRET, 3000);
  }

  @Test
  void theOwnRecordByIdentityComesWithAddressesHouseholdAndBlocks() {
    Resident dora = adapter().findOwn(MUSTERSTADT, "eid.register-double-dora").orElseThrow();
    assertThat(dora.id()).isEqualTo(DORA);
    assertThat(dora.name()).isEqualTo("Dora Dienst");
    assertThat(dora.birthDate()).isEqualTo(LocalDate.of(1977, 2, 14));
    assertThat(dora.mainResidence().orElseThrow().streetLine()).isEqualTo("Brunnengasse 5a");
    assertThat(dora.household())
        .extracting(HouseholdMember::name, HouseholdMember::relation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Bruno Sperre", HouseholdMember.Relation.PARTNER));
    assertThat(dora.isBlockedOn(LocalDate.now())).isFalse();

    Resident bruno = adapter().findOwn(MUSTERSTADT, "eid.register-double-bruno").orElseThrow();
    assertThat(bruno.blocks()).extracting(BlockNote::kind).contains(BlockNote.Kind.AUSKUNFTSSPERRE);
    assertThat(bruno.isBlockedOn(LocalDate.now())).isTrue();
  }

  @Test
  void unknownIdentitiesPersonsAndOtherMunicipalitiesAreNotFound() {
    HttpResidentRegister register = adapter();
    assertThat(register.findOwn(MUSTERSTADT, "eid.nobody-" + UUID.randomUUID())).isEmpty();
    assertThat(register.findOwn(BEISPIELHEIM, "eid.register-double-dora")).isEmpty();
    assertThat(register.find(MUSTERSTADT, UUID.randomUUID())).isEmpty();
    assertThat(register.find(BEISPIELHEIM, DORA)).isEmpty();
    assertThat(register.find(MUSTERSTADT, DORA).orElseThrow().household()).hasSize(1);
  }

  @Test
  void searchFindsByEveryWordWithinTheMunicipality() {
    List<ResidentSummary> hits = adapter().search(MUSTERSTADT, "mustermann", 50);
    assertThat(hits)
        .extracting(ResidentSummary::givenNames)
        .containsExactly("Erika", "Lena", "Max", "Paul", "Sabine");
    assertThat(adapter().search(MUSTERSTADT, "bruno sperre", 50))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.blocked()).isTrue();
              assertThat(s.currentStreetLine()).isEqualTo("Brunnengasse 5a, 91099 Musterstadt");
            });
    assertThat(adapter().search(BEISPIELHEIM, "mustermann", 50)).isEmpty();
    assertThat(adapter().search(MUSTERSTADT, "mustermann", 2)).hasSize(2);
  }

  @Test
  void withoutATokenTheServiceAnswersProblemJson() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            service.baseUrl()
                                + "/municipalities/"
                                + MUSTERSTADT
                                + "/persons/"
                                + DORA))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"status\":401");
  }

  @Test
  void aWrongSecretIsRefusedCredentials() {
    assertThatThrownBy(
            () ->
                adapter(service.baseUrl(), "wrong-secret", 3000)
                    .findOwn(MUSTERSTADT, "eid.register-double-dora"))
        .isInstanceOf(RegisterUnavailable.class)
        .extracting(e -> ((RegisterUnavailable) e).reason())
        .isEqualTo(RegisterUnavailable.Cause.REFUSED_CREDENTIALS);
  }

  @Test
  void aServiceThatIsDownIsUnreachable() {
    int closed = Ports.freePort();
    assertThatThrownBy(
            () ->
                adapter("http://localhost:" + closed, LocalRegisterService.CLIENT_SECRET, 3000)
                    .findOwn(MUSTERSTADT, "eid.register-double-dora"))
        .isInstanceOf(RegisterUnavailable.class)
        .extracting(e -> ((RegisterUnavailable) e).reason())
        .isEqualTo(RegisterUnavailable.Cause.UNREACHABLE);
  }

  @Test
  void aServiceThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread accept =
          new Thread(
              () -> {
                try (Socket s = silent.accept()) {
                  Thread.sleep(10_000);
                } catch (Exception e) {
                  // closed at the end of the test
                }
              });
      accept.setDaemon(true);
      accept.start();
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  adapter(
                          "http://localhost:" + silent.getLocalPort(),
                          LocalRegisterService.CLIENT_SECRET,
                          500)
                      .findOwn(MUSTERSTADT, "eid.register-double-dora"))
          .isInstanceOf(RegisterUnavailable.class)
          .extracting(e -> ((RegisterUnavailable) e).reason())
          .isEqualTo(RegisterUnavailable.Cause.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }
}
