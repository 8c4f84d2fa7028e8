package eu.rathaus.registers.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.registers.residents.application.RegisterOffice;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentRegister;
import eu.rathaus.registers.residents.domain.ResidentSummary;
import eu.rathaus.registers.residents.infrastructure.DemoResidentRows;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resident register against the real database: a register clerk finds and opens a record of her
 * municipality with address history and household, the other municipality finds nothing (in the
 * service and in row-level security), every search and every opened record is audited with the
 * reason (never the words searched), nothing is read without a reason, and a citizen reads only the
 * record linked to her own eID pseudonym, with only the names, birth dates and relations of her
 * household (V58). Each test writes its own family with a made-up family name.
 */
@ExtendWith(ArquillianExtension.class)
class RegisterIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final UUID BEISPIELHEIM = ItJourneys.BEISPIELHEIM;

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(RegisterIT.class);
  }

  @Inject RegisterOffice office;
  @Inject ResidentRegister register;
  @Inject DemoResidentRows rows;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  /** A family in Musterstadt: the parent (linked to the eID pseudonym) and a child. */
  private record Family(String name, UUID parent, UUID child, String pseudonym) {}

  private Family family() throws Exception {
    String name = "Zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Family family =
        new Family(name, UUID.randomUUID(), UUID.randomUUID(), "eid.it-" + UUID.randomUUID());
    transactions.asPlatform(
        () -> {
          rows.person(
              family.parent(),
              MUSTERSTADT,
              "Ilse",
              name,
              "1970-01-02",
              "Bamberg",
              family.pseudonym());
          rows.person(family.child(), MUSTERSTADT, "Ole", name, "2010-03-04", "Musterstadt", null);
          for (UUID person : List.of(family.parent(), family.child())) {
            rows.address(
                person, MUSTERSTADT, "Teststraße", "1", "91099", "Musterstadt", "2020-05-01", null);
          }
          rows.address(
              family.parent(),
              MUSTERSTADT,
              "Alter Weg",
              "9",
              "90402",
              "Nürnberg",
              "2001-01-01",
              "2020-04-30");
          rows.household(MUSTERSTADT, family.parent(), family.child(), "CHILD");
          rows.household(MUSTERSTADT, family.child(), family.parent(), "PARENT");
        });
    return family;
  }

  private long count(TenantScope scope, String sql, Object parameter) throws Exception {
    return transactions.call(
        scope,
        () ->
            ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
                .longValue());
  }

  private long audited(String action, String subject, String reason) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () ->
            ((Number)
                    em.createNativeQuery(
                            "select count(*) from audit_entry where action = ?1 and subject_id = ?2"
                                + " and actor = 'it-register-mia' and details like ?3")
                        .setParameter(1, action)
                        .setParameter(2, subject)
                        .setParameter(3, "%" + reason + "%")
                        .getSingleResult())
                .longValue());
  }

  @Test
  void aRegisterClerkFindsAndOpensARecordWithHistoryAndHousehold() throws Exception {
    Family family = family();
    caller.set(TenantScope.staff(MUSTERSTADT, "it-register-mia"));

    List<ResidentSummary> hits = office.search("ilse " + family.name().toLowerCase(), "Az. 1/26");
    assertEquals(List.of(family.parent()), hits.stream().map(ResidentSummary::id).toList());
    assertEquals("Teststraße 1, 91099 Musterstadt", hits.get(0).currentStreetLine());

    Resident ilse = office.open(family.parent(), "Az. 1/26").orElseThrow();
    assertEquals("Teststraße 1", ilse.mainResidence().orElseThrow().streetLine());
    assertEquals(1, ilse.pastAddresses().size());
    assertEquals("90402 Nürnberg", ilse.pastAddresses().get(0).townLine());
    assertEquals(
        List.of(family.child()), ilse.household().stream().map(HouseholdMember::id).toList());
    assertEquals(HouseholdMember.Relation.CHILD, ilse.household().get(0).relation());
  }

  @Test
  void everyReadIsAuditedWithItsReasonAndNothingIsReadWithoutOne() throws Exception {
    Family family = family();
    caller.set(TenantScope.staff(MUSTERSTADT, "it-register-mia"));
    String reason = "Anfrage Polizei " + UUID.randomUUID();

    assertThrows(RegisterOffice.ReasonRequired.class, () -> office.open(family.parent(), " x "));
    assertThrows(RegisterOffice.ReasonRequired.class, () -> office.search(family.name(), null));
    assertEquals(0, audited("register.resident.read", family.parent().toString(), ""));

    office.open(family.parent(), reason);
    office.open(family.parent(), reason);
    assertEquals(2, audited("register.resident.read", family.parent().toString(), reason));
    assertEquals(0, audited("register.resident.read", family.child().toString(), ""));

    office.search(family.name(), reason);
    long searches =
        transactions.call(
            TenantScope.platform("it"),
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from audit_entry where action = 'register.resident.search'"
                                    + " and details = ?1 and municipality_id = ?2")
                            .setParameter(1, "hits 2; reason: " + reason)
                            .setParameter(2, MUSTERSTADT)
                            .getSingleResult())
                    .longValue());
    assertEquals(1, searches, "the search is audited with hits and reason, never its words");
  }

  @Test
  void anotherMunicipalityFindsNothingInTheServiceNorInTheDatabase() throws Exception {
    Family family = family();
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-register-ben"));

    assertEquals(List.of(), office.search(family.name(), "Az. 2/26"));
    assertEquals(Optional.empty(), office.open(family.parent(), "Az. 2/26"));

    String sql = "select count(*) from resident where family_name = ?1";
    assertEquals(0, count(TenantScope.staff(BEISPIELHEIM, "it"), sql, family.name()));
    assertEquals(2, count(TenantScope.staff(MUSTERSTADT, "it"), sql, family.name()));
    assertEquals(0, count(TenantScope.citizen(family.pseudonym()), sql, family.name()));
    assertEquals(0, count(TenantScope.anonymous(), sql, family.name()));
    assertEquals(
        0,
        count(
            TenantScope.staff(BEISPIELHEIM, "it"),
            "select count(*) from resident_address where resident_id = ?1",
            family.parent()));
  }

  @Test
  void aCitizenReadsOnlyHerOwnRecordWithHerHouseholdsNamesOnly() throws Exception {
    Family family = family();

    Optional<Resident> own =
        transactions.call(
            TenantScope.citizen("it-register-citizen"),
            () -> register.findOwn(MUSTERSTADT, family.pseudonym()));
    assertTrue(own.isPresent());
    assertEquals(family.parent(), own.get().id());
    assertEquals(2, own.get().addresses().size());
    // Her household's members for the prefill (V58): names, birth date, relation.
    assertEquals(
        List.of(family.child()), own.get().household().stream().map(HouseholdMember::id).toList());
    assertEquals(HouseholdMember.Relation.CHILD, own.get().household().get(0).relation());

    assertFalse(
        transactions
            .call(
                TenantScope.citizen("it-register-citizen"),
                () -> register.findOwn(MUSTERSTADT, "eid.it-nobody-" + UUID.randomUUID()))
            .isPresent());
    assertFalse(
        transactions
            .call(
                TenantScope.citizen("it-register-citizen"),
                () -> register.findOwn(BEISPIELHEIM, family.pseudonym()))
            .isPresent());
    // The member's own record stays closed to her: not even its row is visible.
    assertEquals(
        0,
        count(
            TenantScope.citizen("it-register-citizen"),
            "select count(*) from resident where id = ?1",
            family.child()));
    // Without the pseudonym of the transaction, a citizen reads no record at all.
    assertEquals(
        0,
        count(
            TenantScope.citizen("it-register-citizen"),
            "select count(*) from resident where id = ?1",
            family.parent()));
  }
}
