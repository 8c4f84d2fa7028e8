package eu.rathaus.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.Receipt;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.catalogue.application.CatalogueBrowser;
import eu.rathaus.catalogue.application.CatalogueOutcome;
import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.domain.LocalizedText;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.ServiceListing;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.DatabaseTenantScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.payments.application.TransferDetails;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.MunicipalityAdministration;
import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalityOnboarding;
import eu.rathaus.tenancy.application.MunicipalityReadiness;
import eu.rathaus.tenancy.application.MunicipalitySettings;
import eu.rathaus.tenancy.application.OnboardingOutcome;
import eu.rathaus.tenancy.application.OnboardingRequest;
import eu.rathaus.tenancy.application.SettingsForm;
import eu.rathaus.tenancy.domain.ReadinessItem;
import eu.rathaus.web.it.Deployments;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18 against the real Keycloak and PostgreSQL: a municipality onboarded through the portal
 * gets a reference code, is listed as incomplete until its admin enters what is missing, is refused
 * publishing a fee-bearing service without a payee account (with that reason), and then takes
 * applications with and without a fee — Aktenzeichen with its own code, the payment request with
 * its own account, kept even when the account changes later; a fee-bearing service whose account is
 * gone is no longer offered. Each test onboards its own municipality (the test database survives
 * between runs).
 */
@ExtendWith(ArquillianExtension.class)
class OnboardedMunicipalityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IBAN = "DE89370400440532013000";
  private static final String OTHER_IBAN = "DE02120300000000202051";
  private static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(OnboardedMunicipalityIT.class);
  }

  @Inject MunicipalityOnboarding onboarding;
  @Inject MunicipalityAdministration administration;
  @Inject MunicipalityDirectory directory;
  @Inject MunicipalitySettings settings;
  @Inject MunicipalityReadiness readiness;
  @Inject ServiceAdministration services;
  @Inject ApplicationJourney journey;
  @Inject CatalogueBrowser browser;
  @Inject Payments payments;
  @Inject CallerScope caller;
  @Inject DatabaseTenantScope databaseScope;
  @Inject UserTransaction tx;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  private String slug;
  private UUID municipality;
  private String admin;
  private String citizen;

  @BeforeEach
  void onboardAFreshMunicipality() {
    String suffix = Long.toString(System.nanoTime(), 36);
    slug = "it-kommune-" + suffix;
    String ags = "09" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    asPlatform();
    OnboardingOutcome outcome =
        onboarding.onboard(
            new OnboardingRequest(
                "Quellental " + suffix,
                ags,
                "Bayern",
                slug,
                slug + ".example.org",
                null,
                "admin@" + slug + ".example.org",
                "Ida",
                "Einrichter"),
            "it-platform-admin");
    assertEquals(OnboardingOutcome.Result.COMPLETED, outcome.result(), outcome::detail);
    municipality = directory.bySlug(slug).orElseThrow().id();
    admin = "it-admin-" + suffix;
    citizen = "it-citizen-" + suffix;
  }

  /** Onboarding and the platform admin's list are the platform's (PlatformOnly). */
  private void asPlatform() {
    caller.set(TenantScope.platform("it-platform-admin"));
  }

  /** The municipality's row on the platform admin's list; leaves the caller in platform scope. */
  private MunicipalityAdministration.Row row() {
    asPlatform();
    return administration.all().stream()
        .filter(r -> r.slug().equals(slug))
        .findFirst()
        .orElseThrow();
  }

  private void asAdmin() {
    caller.set(TenantScope.staff(municipality, admin));
  }

  private SettingsForm withPayee(String iban) {
    SettingsForm form = settings.current();
    form.setPayeeName("Gemeindekasse Quellental");
    form.setPayeeIban(iban);
    form.setPayeeBic("cobadeffxxx");
    return form;
  }

  /** A service made from scratch (one step, one text field, free of charge), published. */
  private UUID publishFreeService(String key) {
    CatalogueOutcome created =
        services.createFromScratch(
            key,
            "Allgemeines",
            new LocalizedText("Anliegen", "Request"),
            new LocalizedText("Ein allgemeines Anliegen.", "A general request."));
    assertTrue(created.isDone(), created.problems()::toString);
    UUID draft = services.findDraft(created.id()).orElseThrow().versionId();
    CatalogueOutcome published = services.publish(draft);
    assertTrue(published.isDone(), published.problems()::toString);
    return draft;
  }

  private String submit(String serviceKey, UUID version, List<String> stepAnswers)
      throws Exception {
    caller.set(TenantScope.citizen(citizen));
    UUID draft = null;
    for (int step = 0; step < stepAnswers.size(); step++) {
      StepOutcome saved =
          journey.saveStep(
              draft,
              draft == null ? slug : null,
              draft == null ? serviceKey : null,
              draft == null ? version : null,
              step,
              (ObjectNode) JSON.readTree(stepAnswers.get(step)),
              step + 1);
      assertTrue(saved.isSaved(), saved.problems()::toString);
      draft = saved.draftId();
    }
    SubmissionOutcome outcome =
        journey.submit(draft, UUID.randomUUID().toString(), "citizen@example.org", "de");
    assertEquals(SubmissionOutcome.Result.SUBMITTED, outcome.result());
    return outcome.reference().format();
  }

  @Test
  void anOnboardedMunicipalityHasACodeAndSaysWhatIsMissing() {
    MunicipalityAdministration.Row row = row();
    assertEquals("ACTIVE", row.getStatus());
    assertTrue(
        row.getReferenceCode().matches("[A-Z]{3}") && row.getReferenceCode().startsWith("Q"),
        row::getReferenceCode);
    assertFalse(row.isReady(), "incomplete right after onboarding");
    assertEquals(
        List.of(
            ReadinessItem.PAYEE_ACCOUNT,
            ReadinessItem.LETTERHEAD,
            ReadinessItem.LEGAL_REMEDY,
            ReadinessItem.DATA_PROTECTION,
            ReadinessItem.OPENING_HOURS),
        row.missing());
    asAdmin();
    assertEquals(Set.copyOf(row.missing()), readiness.ofOwnMunicipality());
  }

  @Test
  void publishingAFeeWithoutPayeeAccountIsRefusedWithTheReason() {
    asAdmin();
    CatalogueOutcome adopted = services.adopt("demo.meldebescheinigung", 1000L);
    assertTrue(adopted.isDone(), adopted.problems()::toString);
    UUID draft = services.findDraft(adopted.id()).orElseThrow().versionId();

    CatalogueOutcome refused = services.publish(draft);
    assertEquals(
        List.of("catalogue.publish.missing.PAYEE_ACCOUNT"),
        refused.problems().stream().map(Problem::messageKey).toList());
    assertEquals(
        null,
        services.overview().stream()
            .filter(r -> r.id().equals(adopted.id()))
            .findFirst()
            .orElseThrow()
            .publishedNumber(),
        "nothing published");

    // A free service needs only the reference code, which onboarding gave.
    publishFreeService("it.anliegen-" + Long.toString(System.nanoTime(), 36));
  }

  @Test
  void badSettingsAreRefusedFieldByFieldAndChangeNothing() {
    asAdmin();
    SettingsForm form = withPayee("DE89 3704 0044 0532 0130 01");
    form.setPayeeBic("NOTABIC");
    form.setReferenceCode("q1");
    form.setPhone("0800 123");
    form.setEmail("not an address");
    List<FieldProblem> problems = settings.save(form, admin);
    assertEquals(
        Set.of(
            "payeeIban:settings.iban.checksum",
            "payeeBic:settings.bic.format",
            "referenceCode:settings.code.format",
            "authorityName:settings.letterhead.required",
            "addressLine1:settings.letterhead.required",
            "email:settings.email.format"),
        problems.stream()
            .map(p -> p.field() + ":" + p.messageKey())
            .collect(java.util.stream.Collectors.toSet()));
    SettingsForm stored = settings.current();
    assertEquals(null, stored.getPayeeIban());
    assertEquals(row().getReferenceCode(), stored.getReferenceCode());
    assertEquals(null, stored.getPhone());
  }

  @Test
  void completeSettingsMakeItReadyAndApplicationsWithAndWithoutFeeGoThrough() throws Exception {
    asAdmin();
    SettingsForm form = withPayee("de89 3704 0044 0532 0130 00");
    String code =
        "Q"
            + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
            + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
    asPlatform();
    boolean codeFree =
        administration.all().stream().noneMatch(r -> code.equals(r.getReferenceCode()));
    asAdmin();
    if (codeFree) {
      form.setReferenceCode(code.toLowerCase(java.util.Locale.ROOT));
    }
    form.setAuthorityName("Gemeinde Quellental – Bürgerbüro");
    form.setAddressLine1("Am Brunnen 1");
    form.setAddressLine2("91999 Quellental");
    form.setPhone("09999 1234-0");
    form.setDpoName("Dana Datenschutz");
    form.setDpoContact("datenschutz@quellental.example.org");
    form.setOpeningHours("Mo–Fr 8–12 Uhr\nDo 14–18 Uhr");
    assertEquals(List.of(), settings.save(form, admin));
    SettingsForm stored = settings.current();
    assertEquals("DE89 3704 0044 0532 0130 00", stored.getPayeeIban());
    assertEquals("COBADEFFXXX", stored.getPayeeBic());
    String ownCode = stored.getReferenceCode();
    if (codeFree) {
      assertEquals(code, ownCode, "editable before the first application");
    }
    assertEquals(
        Set.of(ReadinessItem.LEGAL_REMEDY),
        readiness.ofOwnMunicipality(),
        "only the text block is left");

    // Fee-bearing service: now publishable.
    CatalogueOutcome adopted = services.adopt("demo.meldebescheinigung", 1000L);
    UUID feeVersion = services.findDraft(adopted.id()).orElseThrow().versionId();
    assertTrue(services.publish(feeVersion).isDone());
    String freeKey = "it.anliegen-" + Long.toString(System.nanoTime(), 36);
    UUID freeVersion = publishFreeService(freeKey);

    String free = submit(freeKey, freeVersion, List.of("{\"subject\":\"Bitte um Rückruf\"}"));
    assertTrue(free.startsWith(ownCode + "-"), free);
    Receipt freeReceipt = journey.receipt(free).orElseThrow();
    assertTrue(
        payments.forApplication(freeReceipt.applicationId()).isEmpty(),
        "no payment request without a fee");

    String paid =
        submit(
            "demo.meldebescheinigung",
            feeVersion,
            List.of(
                "{\"firstNames\":\"Erika\",\"lastName\":\"Mustermann\",\"birthDate\":\"1964-08-12\"}",
                "{\"certificateType\":\"extended\",\"delivery\":\"mailbox\"}",
                "{\"email\":\"erika@example.org\"}"));
    assertTrue(paid.startsWith(ownCode + "-"), paid);
    UUID application = journey.receipt(paid).orElseThrow().applicationId();
    TransferDetails transfer = payments.transferDetails(application).orElseThrow();
    assertEquals(IBAN, transfer.iban());
    assertEquals("Gemeindekasse Quellental", transfer.payeeName());
    assertEquals(1000L, transfer.amountCents());

    // Later changes: the code is fixed now, and a new account does not alter the issued request.
    asAdmin();
    SettingsForm later = withPayee(OTHER_IBAN);
    later.setReferenceCode("QQQ".equals(ownCode) ? "QQA" : "QQQ");
    assertEquals(
        List.of("referenceCode:settings.code.locked"),
        settings.save(later, admin).stream().map(p -> p.field() + ":" + p.messageKey()).toList());
    assertFalse(settings.current().isReferenceCodeEditable());
    later.setReferenceCode(ownCode);
    assertEquals(List.of(), settings.save(later, admin));
    caller.set(TenantScope.citizen(citizen));
    assertEquals(
        IBAN,
        payments.transferDetails(application).orElseThrow().iban(),
        "the request keeps its account");

    // The payee account can change but not vanish (published fee services need it).
    asAdmin();
    SettingsForm cleared = settings.current();
    cleared.setPayeeName("");
    cleared.setPayeeIban("");
    cleared.setPayeeBic("");
    assertEquals(
        Set.of("payeeName:settings.payee.keep", "payeeIban:settings.payee.keep"),
        settings.save(cleared, admin).stream()
            .map(p -> p.field() + ":" + p.messageKey())
            .collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void aServiceItsMunicipalityCannotTakeIsNotOffered() throws Exception {
    asAdmin();
    String freeKey = "it.anliegen-" + Long.toString(System.nanoTime(), 36);
    publishFreeService(freeKey);
    assertEquals(List.of(), settings.save(withPayee(IBAN), admin));
    CatalogueOutcome adopted = services.adopt("demo.meldebescheinigung", 1000L);
    assertTrue(
        services.publish(services.findDraft(adopted.id()).orElseThrow().versionId()).isDone());
    assertEquals(Set.of(freeKey, "demo.meldebescheinigung"), offeredKeys(null));

    // The payee account vanishes behind the portal's back (the settings page refuses that).
    tx.begin();
    try {
      databaseScope.apply(TenantScope.platform("it-platform-admin"));
      assertEquals(
          1,
          em.createNativeQuery(
                  "update municipality set payee_name = null, payee_iban = null, payee_bic = null where id = ?1")
              .setParameter(1, municipality)
              .executeUpdate());
      tx.commit();
    } catch (Exception | AssertionError e) {
      tx.rollback();
      throw e;
    }

    // The fee-bearing service is neither listed, nor found by search, nor shown, nor startable.
    assertEquals(Set.of(freeKey), offeredKeys(null));
    assertEquals(Set.of(), offeredKeys("Meldebescheinigung"));
    assertTrue(browser.service(municipality, "demo.meldebescheinigung").isEmpty());
    assertTrue(
        browser.service(municipality, freeKey).isPresent(), "the free service needs no account");
    caller.set(TenantScope.citizen(citizen));
    assertTrue(journey.newForm(slug, "demo.meldebescheinigung").isEmpty());
    assertTrue(journey.newForm(slug, freeKey).isPresent());

    // With an account again it is back, unchanged.
    asAdmin();
    assertEquals(List.of(), settings.save(withPayee(OTHER_IBAN), admin));
    assertEquals(Set.of(freeKey, "demo.meldebescheinigung"), offeredKeys(null));
  }

  private Set<String> offeredKeys(String query) {
    return browser.services(municipality, query).stream()
        .map(ServiceListing::serviceKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void staffOfOneMunicipalityOnlyEverSeeTheirOwnSettings() {
    caller.set(TenantScope.staff(MUSTERSTADT, "it-moritz"));
    assertEquals("MUS", settings.current().getReferenceCode());
    String ownCode = row().getReferenceCode();
    asAdmin();
    assertEquals(ownCode, settings.current().getReferenceCode());
    caller.set(TenantScope.citizen(citizen));
    assertTrue(assertThrowsSecurity(() -> settings.current()));
  }

  @Test
  void rowLevelSecurityKeepsStaffToTheirOwnLetterheadAndProfile() throws Exception {
    tx.begin();
    try {
      databaseScope.apply(TenantScope.staff(municipality, admin));
      assertThrows(
          PersistenceException.class,
          () ->
              em.createNativeQuery(
                      "insert into municipality_profile (municipality_id, opening_hours) values (?1, 'immer')")
                  .setParameter(1, MUSTERSTADT)
                  .executeUpdate());
    } finally {
      tx.rollback();
    }
    tx.begin();
    try {
      databaseScope.apply(TenantScope.staff(municipality, admin));
      assertEquals(
          0,
          em.createNativeQuery(
                  "update municipality_letterhead set phone = '0' where municipality_id = ?1")
              .setParameter(1, MUSTERSTADT)
              .executeUpdate(),
          "Musterstadt's letterhead is not writable");
      assertEquals(
          1,
          em.createNativeQuery(
                  "insert into municipality_profile (municipality_id, opening_hours) values (?1, 'Mo 8–12 Uhr')")
              .setParameter(1, municipality)
              .executeUpdate(),
          "the own row is");
    } finally {
      tx.rollback();
    }
  }

  private static boolean assertThrowsSecurity(Runnable call) {
    try {
      call.run();
      return false;
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SecurityException) {
          return true;
        }
      }
      throw e;
    }
  }
}
