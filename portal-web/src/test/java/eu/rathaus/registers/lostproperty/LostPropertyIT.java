package eu.rathaus.registers.lostproperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.messaging.application.MailboxIdentity;
import eu.rathaus.registers.lostproperty.application.ClaimFees;
import eu.rathaus.registers.lostproperty.application.ClaimProofs;
import eu.rathaus.registers.lostproperty.application.FindersDeadlineJob;
import eu.rathaus.registers.lostproperty.application.LostPropertyClaims;
import eu.rathaus.registers.lostproperty.application.LostPropertyOffice;
import eu.rathaus.registers.lostproperty.application.LostPropertySearch;
import eu.rathaus.registers.lostproperty.domain.Claim;
import eu.rathaus.registers.lostproperty.domain.FoundItem;
import eu.rathaus.registers.lostproperty.domain.FoundItemInput;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.ItemStatus;
import eu.rathaus.registers.lostproperty.domain.PublicFoundItem;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.RacingRequests;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The lost-property office against the real database: a clerk's item is invisible to the other
 * municipality in the service layer and in row-level security (the finder even to a query without a
 * where), the public search shows it without the finder, every staff read of a finder is audited, a
 * citizen's loss report is matched and confirmed once (the owner gets a mailbox message), and the
 * deadline job marks an item for the finder or the municipality. Each test records its own items
 * with words of its own.
 */
@ExtendWith(ArquillianExtension.class)
class LostPropertyIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final UUID BEISPIELHEIM = ItJourneys.BEISPIELHEIM;
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(LostPropertyIT.class);
  }

  @Inject LostPropertyOffice office;
  @Inject LostPropertyClaims claims;
  @Inject LostPropertySearch search;
  @Inject FindersDeadlineJob deadlines;
  @Inject ApplicationJourney journey;
  @Inject ItJourneys journeys;
  @Inject CallerScope caller;
  @Inject MailboxIdentity identity;
  @Inject ScopedTransactions transactions;
  @Inject RacingRequests races;
  @Inject ClaimProofs proofs;
  @Inject ClaimFees fees;
  @Inject eu.rathaus.attachments.application.AttachmentService attachments;
  @Inject eu.rathaus.cases.application.CaseWork caseWork;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  private static String word() {
    // A made-up word the German stemmer keeps as it is: finds exactly this test's item.
    return "zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private UUID record(UUID municipality, String clerk, ItemCategory category, String text)
      throws Exception {
    caller.set(TenantScope.staff(municipality, clerk));
    LostPropertyOffice.Recorded recorded =
        office.record(
            new FoundItemInput(
                category.key(),
                text,
                "Marktplatz, Bushaltestelle",
                LocalDate.now(ZONE).minusDays(1).toString(),
                "Fundbüro, Zimmer 12",
                "Fiona Finderin",
                "fiona@example.org",
                true));
    assertEquals(List.of(), recorded.problems());
    return recorded.id();
  }

  private long count(TenantScope scope, String sql, Object parameter) throws Exception {
    return transactions.call(
        scope,
        () ->
            ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
                .longValue());
  }

  private static List<UUID> ids(List<FoundItem> items) {
    return items.stream().map(FoundItem::id).toList();
  }

  private static List<UUID> publicIds(List<PublicFoundItem> items) {
    return items.stream().map(PublicFoundItem::id).toList();
  }

  private List<PublicFoundItem> search(UUID municipality, String words) {
    return search(municipality, Optional.empty(), null, null, null, words);
  }

  private List<PublicFoundItem> search(
      UUID municipality,
      Optional<ItemCategory> category,
      LocalDate from,
      LocalDate to,
      String place,
      String words) {
    return search.search(
        municipality, new LostPropertySearch.Criteria(category, from, to, place, words));
  }

  @Test
  void anotherMunicipalitySeesNeitherTheItemNorItsFinder() throws Exception {
    String word = word();
    UUID item = record(MUSTERSTADT, "it-lp-anna", ItemCategory.WALLET, "Geldbörse " + word);

    caller.set(TenantScope.staff(BEISPIELHEIM, "it-lp-ben"));
    assertFalse(ids(office.items()).contains(item));
    assertTrue(office.item(item).isEmpty());
    assertTrue(office.finder(item).isEmpty());

    // Row-level security, even for a query without any where on the municipality.
    String finder = "select count(*) from found_item_finder where found_item_id = ?1";
    assertEquals(0, count(TenantScope.staff(BEISPIELHEIM, "it-lp-ben"), finder, item));
    assertEquals(0, count(TenantScope.anonymous(), finder, item));
    assertEquals(1, count(TenantScope.staff(MUSTERSTADT, "it-lp-anna"), finder, item));

    caller.set(TenantScope.anonymous());
    assertTrue(search(BEISPIELHEIM, word).isEmpty());
    assertEquals(List.of(item), publicIds(search(MUSTERSTADT, word)));
  }

  @Test
  void thePublicSearchFindsTheItemByWordsCategoryDateAndPlaceWithoutPersonalData()
      throws Exception {
    String word = word();
    UUID item =
        record(
            MUSTERSTADT, "it-lp-anna", ItemCategory.WALLET, "Braune Geldbörse aus Leder " + word);
    caller.set(TenantScope.anonymous());
    LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
    List<PublicFoundItem> found =
        search(
            MUSTERSTADT,
            Optional.of(ItemCategory.WALLET),
            yesterday,
            yesterday,
            "marktplatz",
            word);
    assertEquals(List.of(item), publicIds(found));
    assertFalse(found.get(0).toString().contains("Fiona"));
    assertFalse(found.get(0).toString().contains("fiona@example.org"));
    // German stems: "Geldbörsen" finds "Geldbörse".
    assertEquals(List.of(item), publicIds(search(MUSTERSTADT, "Geldbörsen " + word)));
    // Another category, a date range before the finding, another place: nothing.
    assertTrue(
        search(MUSTERSTADT, Optional.of(ItemCategory.PHONE), null, null, null, word).isEmpty());
    assertTrue(
        search(MUSTERSTADT, Optional.empty(), null, yesterday.minusDays(1), null, word).isEmpty());
    assertTrue(search(MUSTERSTADT, Optional.empty(), null, null, "Bahnhof", word).isEmpty());
    // Characters of LIKE and of the search syntax are plain text, no error.
    assertTrue(search(MUSTERSTADT, Optional.empty(), null, null, "%_\\", "\"-&|!(").isEmpty());
  }

  @Test
  void badInputIsRefusedFieldByField() {
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    LostPropertyOffice.Recorded refused =
        office.record(
            new FoundItemInput(
                "unicorn",
                "",
                "",
                LocalDate.now(ZONE).plusDays(2).toString(),
                "",
                null,
                null,
                false));
    assertFalse(refused.isRecorded());
    assertEquals(
        java.util.Set.of("category", "description", "foundPlace", "keptAt", "foundOn"),
        refused.problems().stream()
            .map(FoundItemInput.Problem::field)
            .collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void everyStaffReadOfAFinderIsAudited() throws Exception {
    UUID item = record(MUSTERSTADT, "it-lp-anna", ItemCategory.KEYS, "Schlüsselbund " + word());
    String clerk = "it-lp-carla-" + UUID.randomUUID();
    caller.set(TenantScope.staff(MUSTERSTADT, clerk));
    assertEquals(
        Optional.of(new LostPropertyOffice.Finder("Fiona Finderin", "fiona@example.org")),
        office.finder(item));
    assertTrue(office.finder(item).isPresent());
    String audited =
        "select count(*) from audit_entry where action = 'lostproperty.finder.read'"
            + " and subject_id = ?1 and actor = '"
            + clerk
            + "' and municipality_id = '"
            + MUSTERSTADT
            + "'";
    assertEquals(2, count(TenantScope.platform("it"), audited, item.toString()));
    // The list shows no finder and reads none: no further entry.
    assertTrue(ids(office.items()).contains(item));
    assertEquals(2, count(TenantScope.platform("it"), audited, item.toString()));
  }

  @Test
  void aLossReportIsMatchedAndConfirmedOnceAndTheOwnerIsTold() throws Exception {
    String word = word();
    UUID item =
        record(
            MUSTERSTADT,
            "it-lp-anna",
            ItemCategory.WALLET,
            "Braune Geldbörse mit Aufkleber " + word);
    UUID decoy =
        record(MUSTERSTADT, "it-lp-anna", ItemCategory.PHONE, "Telefon mit Aufkleber " + word);
    String citizen = "it-lp-owner-" + UUID.randomUUID();
    UUID caseId = submitLossReport(citizen, "Geldbörse braun, Aufkleber " + word);

    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    LostPropertyOffice.LossReport report = office.lossReport(caseId).orElseThrow();
    assertEquals(ItemCategory.WALLET, report.report().category());
    List<UUID> suggested =
        report.suggestions().stream().map(s -> s.candidate().item().id()).toList();
    assertEquals(item, suggested.get(0));
    assertFalse(suggested.contains(decoy));
    assertTrue(office.openLossReports().stream().anyMatch(r -> r.report().caseId().equals(caseId)));

    // The other municipality can neither see nor confirm it.
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-lp-ben"));
    assertTrue(office.lossReport(caseId).isEmpty());
    assertEquals(LostPropertyOffice.Confirmation.NOT_FOUND, office.confirm(caseId, item, "x"));

    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    identity.set("Anna Amtfrau", null);
    assertEquals(
        LostPropertyOffice.Confirmation.CONFIRMED,
        office.confirm(caseId, item, "Ihre Geldbörse ist da " + word));
    assertEquals(ItemStatus.CLAIMED, office.item(item).orElseThrow().status());
    assertTrue(
        office.openLossReports().stream().noneMatch(r -> r.report().caseId().equals(caseId)));
    // Claimed items leave the public search.
    caller.set(TenantScope.anonymous());
    assertEquals(List.of(decoy), publicIds(search(MUSTERSTADT, word)));
    // Confirmed once: a second confirmation is refused, also for another item.
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-bert"));
    assertEquals(
        LostPropertyOffice.Confirmation.NOT_AVAILABLE, office.confirm(caseId, item, "nochmal"));
    assertEquals(
        LostPropertyOffice.Confirmation.NOT_AVAILABLE, office.confirm(caseId, decoy, "nochmal"));
    // The owner has the message in the case's mailbox thread.
    assertEquals(
        1,
        count(
            TenantScope.citizen(citizen),
            "select count(*) from mailbox_message m join mailbox_thread t on t.id = m.thread_id"
                + " where t.case_id = ?1 and m.body like '%"
                + word
                + "%'",
            caseId));
    // Not handed over before the owner's proof and the fee (Musterstadt charges one, V64).
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    assertFalse(office.handOver(item));
    caller.set(TenantScope.citizen(citizen));
    assertEquals(
        LostPropertyClaims.ProofOutcome.SAVED,
        claims.giveProof(caseId, "Im Fach steckt ein Foto meiner Katze " + word));
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    assertFalse(office.handOver(item), "the fee is not paid yet");
    transactions.asPlatform(
        () ->
            em.createNativeQuery(
                    "update payment_request set state = 'PAID', paid_at = now(), paid_cents = amount_cents where id ="
                        + " (select payment_request_id from found_item_claim where found_item_id = ?1)")
                .setParameter(1, item)
                .executeUpdate());
    // Handed over once.
    assertTrue(office.handOver(item));
    assertFalse(office.handOver(item));
    assertEquals(ItemStatus.HANDED_OVER, office.item(item).orElseThrow().status());
  }

  @Test
  void twoClerksConfirmingTwoItemsForOneReportAtOnceOneWinsWithoutAnError() throws Exception {
    String word = word();
    UUID first = record(MUSTERSTADT, "it-lp-anna", ItemCategory.WALLET, "Geldbörse rot " + word);
    UUID second = record(MUSTERSTADT, "it-lp-anna", ItemCategory.WALLET, "Geldbörse blau " + word);
    UUID caseId = submitLossReport("it-lp-owner-" + UUID.randomUUID(), "Geldbörse " + word);

    List<LostPropertyOffice.Confirmation> outcomes =
        races.atOnce(
            confirmAs("it-lp-anna", caseId, first), confirmAs("it-lp-bert", caseId, second));
    LostPropertyOffice.Confirmation a = outcomes.get(0);
    LostPropertyOffice.Confirmation b = outcomes.get(1);

    assertTrue(
        (a == LostPropertyOffice.Confirmation.CONFIRMED)
            ^ (b == LostPropertyOffice.Confirmation.CONFIRMED),
        "exactly one confirmation wins: " + a + " / " + b);
    LostPropertyOffice.Confirmation loser = a == LostPropertyOffice.Confirmation.CONFIRMED ? b : a;
    assertEquals(LostPropertyOffice.Confirmation.NOT_AVAILABLE, loser);
    UUID won = a == LostPropertyOffice.Confirmation.CONFIRMED ? first : second;
    UUID lost = won.equals(first) ? second : first;
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    assertEquals(ItemStatus.CLAIMED, office.item(won).orElseThrow().status());
    assertEquals(ItemStatus.FOUND, office.item(lost).orElseThrow().status());
    assertEquals(
        1,
        count(
            TenantScope.platform("it"),
            "select count(*) from found_item_claim where case_id = ?1",
            caseId));
  }

  @Test
  void theOwnerClaimsWithProofFeeAndAppointmentAndNobodyElseSeesHerClaim() throws Exception {
    String word = word();
    Confirmed confirmed = confirmedClaim("Geldbörse " + word);
    UUID item = confirmed.item();
    String owner = confirmed.owner();
    UUID caseId = confirmed.caseId();

    // The fee Musterstadt charges (V64) is a payment request of her loss report.
    caller.set(TenantScope.citizen(owner));
    Claim claim = claims.mine(caseId).orElseThrow();
    assertEquals(item, claim.itemId());
    assertEquals(1000, claim.feeCents());
    assertEquals("OPEN", claim.paymentState());
    assertFalse(claim.isProofGiven());
    // Bad proof is refused; good proof is kept once.
    assertEquals(LostPropertyClaims.ProofOutcome.INVALID, claims.giveProof(caseId, " x "));
    assertEquals(
        LostPropertyClaims.ProofOutcome.SAVED, claims.giveProof(caseId, "Ein Foto meiner Katze"));
    assertTrue(claims.mine(caseId).orElseThrow().isProofGiven());

    // Another citizen sees neither her claim nor the claimed item, and cannot write proof.
    caller.set(TenantScope.citizen("it-lp-stranger-" + UUID.randomUUID()));
    assertTrue(claims.mine(caseId).isEmpty());
    assertEquals(
        LostPropertyClaims.ProofOutcome.NOT_OPEN, claims.giveProof(caseId, "Das ist meine"));
    assertEquals(
        0,
        count(
            TenantScope.citizen("it-lp-stranger"),
            "select count(*) from found_item_claim where case_id = ?1",
            caseId));

    // The clerk records the appointment; the owner is told in her mailbox; it is audited.
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    assertTrue(claims.open().stream().anyMatch(c -> c.itemId().equals(item)));
    java.time.Instant at = java.time.Instant.now().plus(java.time.Duration.ofDays(2));
    assertFalse(claims.scheduleHandover(item, at, " ", "x"));
    assertTrue(claims.scheduleHandover(item, at, "Zimmer 12", "Termin am Donnerstag " + word));
    assertEquals(
        1,
        count(
            TenantScope.citizen(owner),
            "select count(*) from mailbox_message m join mailbox_thread t on t.id = m.thread_id"
                + " where t.case_id = ?1 and m.body like '%Termin am Donnerstag "
                + word
                + "%'",
            caseId));
    caller.set(TenantScope.citizen(owner));
    assertEquals("Zimmer 12", claims.mine(caseId).orElseThrow().handoverPlace());
    for (String action :
        List.of(
            "lostproperty.match.confirm",
            "lostproperty.claim.proof",
            "lostproperty.claim.appointment")) {
      assertEquals(
          1,
          count(
              TenantScope.platform("it"),
              "select count(*) from audit_entry where action = '"
                  + action
                  + "' and subject_id = ?1",
              item.toString()),
          action);
    }
  }

  @Test
  void theOwnersProofFileIsScannedEncryptedAndShownToTheMunicipalitysStaffOnly() throws Exception {
    String word = word();
    Confirmed confirmed = confirmedClaim("Geldbörse " + word);
    UUID item = confirmed.item();
    String owner = confirmed.owner();
    UUID caseId = confirmed.caseId();
    String marker = "Kaufbeleg " + word;
    byte[] pdf = eu.rathaus.web.it.SmallPdf.saying(marker);

    // A file of a type that is not allowed, and one whose bytes contradict its name: refused,
    // nothing stored, the proof not given.
    caller.set(TenantScope.citizen(owner));
    ClaimProofs.Result refused =
        proofs.give(
            caseId,
            "Ein Foto meiner Katze",
            "beleg.txt",
            new java.io.ByteArrayInputStream("nur Text".getBytes()));
    assertEquals(LostPropertyClaims.ProofOutcome.FILE_REFUSED, refused.outcome());
    assertEquals("attachment.error.typeNotAllowed", refused.fileProblem().messageKey());
    assertEquals(
        LostPropertyClaims.ProofOutcome.FILE_REFUSED,
        proofs
            .give(
                caseId, "Ein Foto meiner Katze", "beleg.jpg", new java.io.ByteArrayInputStream(pdf))
            .outcome());
    assertFalse(claims.mine(caseId).orElseThrow().isProofGiven());
    // Text too short: refused before the file is even read.
    assertEquals(
        LostPropertyClaims.ProofOutcome.INVALID,
        proofs.give(caseId, "x", "beleg.pdf", new java.io.ByteArrayInputStream(pdf)).outcome());

    // The PDF is kept with the proof.
    ClaimProofs.Result saved =
        proofs.give(
            caseId,
            "Ein Foto meiner Katze",
            "Kaufbeleg " + word + ".pdf",
            new java.io.ByteArrayInputStream(pdf));
    assertEquals(LostPropertyClaims.ProofOutcome.SAVED, saved.outcome(), String.valueOf(saved));
    Claim claim = claims.mine(caseId).orElseThrow();
    assertTrue(claim.isProofGiven());
    assertEquals("Kaufbeleg " + word + ".pdf", claim.proofFileName());
    UUID file = claim.proofFileId();

    // At rest it is ciphertext, scanned, under the municipality's key, part of her loss report.
    Object[] row =
        transactions.call(
            TenantScope.staff(MUSTERSTADT, "it-lp-anna"),
            () ->
                (Object[])
                    em.createNativeQuery(
                            "select a.ciphertext, a.scan_status, a.municipality_id, a.application_id,"
                                + " a.owner_subject from attachment a where a.id = ?1")
                        .setParameter(1, file)
                        .getSingleResult());
    assertFalse(
        new String((byte[]) row[0], java.nio.charset.StandardCharsets.ISO_8859_1).contains(word));
    assertEquals("CLEAN", row[1]);
    assertEquals(MUSTERSTADT, row[2]);
    assertEquals(claim.applicationId(), row[3]);
    assertEquals(owner, row[4]);

    // Musterstadt's staff see it on the claim and read it with the case (audited).
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    Claim staffView =
        claims.open().stream().filter(c -> c.itemId().equals(item)).findFirst().orElseThrow();
    assertEquals(file, staffView.proofFileId());
    byte[] read = caseWork.download(caseId, file).orElseThrow().content();
    assertTrue(java.util.Arrays.equals(pdf, read));
    assertEquals(
        1,
        count(
            TenantScope.platform("it"),
            "select count(*) from audit_entry where action = 'attachment.downloaded' and subject_id = ?1",
            file.toString()));
    assertEquals(
        1,
        count(
            TenantScope.platform("it"),
            "select count(*) from audit_entry where action = 'lostproperty.claim.proof'"
                + " and subject_id = ?1 and details like '%file "
                + file
                + "%'",
            item.toString()));

    // Nobody else: Beispielheim's staff, another citizen, a visitor (service and RLS).
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-lp-ben"));
    assertTrue(attachments.download(file).isEmpty());
    assertTrue(claims.open().stream().noneMatch(c -> c.itemId().equals(item)));
    caller.set(TenantScope.citizen("it-lp-stranger-" + UUID.randomUUID()));
    assertTrue(attachments.download(file).isEmpty());
    for (TenantScope other :
        List.of(
            TenantScope.staff(BEISPIELHEIM, "it-lp-ben"),
            TenantScope.citizen("it-lp-stranger"),
            TenantScope.anonymous())) {
      assertEquals(
          0,
          count(other, "select count(*) from attachment where id = ?1", file),
          other.kind().name());
    }
    // A proof is given once: no second file.
    caller.set(TenantScope.citizen(owner));
    assertEquals(1, claims.mine(caseId).stream().filter(Claim::isProofFileGiven).count());
  }

  @Test
  void theAdminsChangedFeeIsChargedOnTheNextClaimAndOnlyInHerMunicipality() throws Exception {
    String word = word();
    try {
      // Musterstadt's admin sets 12,50 €; bad amounts are refused and change nothing.
      caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-moritz"));
      for (String bad : List.of("-1", "1000,01", "zehn", "1,234", " ")) {
        assertTrue(fees.set(bad).isPresent(), bad);
      }
      assertEquals(1000, fees.current());
      assertTrue(fees.set("12,50").isEmpty());
      assertEquals(1250, fees.current());
      assertEquals(
          1,
          count(
              TenantScope.platform("it"),
              "select count(*) from audit_entry where action = 'lostproperty.fee.changed'"
                  + " and municipality_id = ?1 and details = 'claim fee 1000 -> 1250 cents'"
                  + " and actor = 'it-lp-moritz' and occurred_at > now() - interval '1 minute'",
              MUSTERSTADT));

      // The next claim is charged the new fee: its payment request is for 12,50 €.
      Confirmed charged = confirmedClaim("Geldbörse " + word);
      String owner = charged.owner();
      UUID caseId = charged.caseId();
      caller.set(TenantScope.citizen(owner));
      Claim claim = claims.mine(caseId).orElseThrow();
      assertEquals(1250, claim.feeCents());
      assertEquals("OPEN", claim.paymentState());
      assertEquals(
          1250,
          count(
              TenantScope.platform("it"),
              "select p.amount_cents from payment_request p join found_item_claim m"
                  + " on m.payment_request_id = p.id where m.case_id = ?1",
              caseId));

      // 0 is free: the next claim has no fee and no payment request.
      caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-moritz"));
      assertTrue(fees.set("0").isEmpty());
      Confirmed free = confirmedClaim("Geldbörse frei " + word);
      String second = free.owner();
      UUID freeCase = free.caseId();
      caller.set(TenantScope.citizen(second));
      Claim freeClaim = claims.mine(freeCase).orElseThrow();
      assertEquals(0, freeClaim.feeCents());
      assertTrue(freeClaim.isFeeSettled());
      // The claim confirmed before keeps its fee.
      caller.set(TenantScope.citizen(owner));
      assertEquals(1250, claims.mine(caseId).orElseThrow().feeCents());

      // Beispielheim's admin sets Beispielheim's fee, never Musterstadt's: the service knows only
      // the own municipality, and row-level security refuses a direct update of Musterstadt's row.
      caller.set(TenantScope.staff(BEISPIELHEIM, "it-lp-berta"));
      assertTrue(fees.set("3").isEmpty());
      assertEquals(300, fees.current());
      caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-moritz"));
      assertEquals(0, fees.current());
      int updated =
          transactions.call(
              TenantScope.staff(BEISPIELHEIM, "it-lp-berta"),
              () ->
                  em.createNativeQuery(
                          "update municipality set lost_property_claim_fee_cents = 99 where id = ?1")
                      .setParameter(1, MUSTERSTADT)
                      .executeUpdate());
      assertEquals(0, updated);
      assertEquals(
          0,
          count(
              TenantScope.platform("it"),
              "select coalesce(lost_property_claim_fee_cents, 0) from municipality where id = ?1",
              MUSTERSTADT));
    } finally {
      // The demo's fees again (V64): Musterstadt 10 €, Beispielheim none.
      transactions.asPlatform(
          () ->
              em.createNativeQuery(
                      "update municipality set lost_property_claim_fee_cents = case id when ?1 then 1000"
                          + " else null end where id in (?1, ?2)")
                  .setParameter(1, MUSTERSTADT)
                  .setParameter(2, BEISPIELHEIM)
                  .executeUpdate());
      caller.set(null);
    }
  }

  /** A confirmed claim: Musterstadt's item, the owner's loss report of it (its case), the owner. */
  private record Confirmed(UUID item, UUID caseId, String owner) {}

  /**
   * Anna records a wallet described by {@code text}, a new citizen reports its loss, Anna confirms.
   */
  private Confirmed confirmedClaim(String text) throws Exception {
    UUID item = record(MUSTERSTADT, "it-lp-anna", ItemCategory.WALLET, text);
    String owner = "it-lp-owner-" + UUID.randomUUID();
    UUID caseId = submitLossReport(owner, text);
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    identity.set("Anna Amtfrau", null);
    assertEquals(
        LostPropertyOffice.Confirmation.CONFIRMED,
        office.confirm(caseId, item, "Gefunden " + text));
    return new Confirmed(item, caseId, owner);
  }

  /** One clerk's confirmation, as a contender of a race. */
  private RacingRequests.Contender<LostPropertyOffice.Confirmation> confirmAs(
      String clerk, UUID caseId, UUID item) {
    return new RacingRequests.Contender<>(
        TenantScope.staff(MUSTERSTADT, clerk),
        () -> {
          identity.set(clerk, null);
          return office.confirm(caseId, item, "Ihre Geldbörse ist da");
        });
  }

  private UUID submitLossReport(String citizen, String description) throws Exception {
    caller.set(TenantScope.citizen(citizen));
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            "demo.fundsache-verlust",
            null,
            0,
            json("{\"reportType\":\"lost\"}"),
            1);
    assertTrue(one.isSaved(), one.problems().toString());
    ObjectNode item = JSON.createObjectNode();
    item.put("itemCategory", "wallet");
    item.put("description", description);
    item.put("place", "Bushaltestelle am Marktplatz");
    item.put("date", LocalDate.now(ZONE).minusDays(2).toString());
    StepOutcome two = journey.saveStep(one.draftId(), null, null, null, 1, item, 2);
    assertTrue(two.isSaved(), two.problems().toString());
    StepOutcome three =
        journey.saveStep(
            one.draftId(),
            null,
            null,
            null,
            2,
            json("{\"firstNames\":\"Olga\",\"lastName\":\"Owner\",\"email\":\"olga@example.org\"}"),
            3);
    assertTrue(three.isSaved(), three.problems().toString());
    SubmissionOutcome submitted =
        journey.submit(one.draftId(), UUID.randomUUID().toString(), null, "Olga Owner", "de");
    assertEquals(
        SubmissionOutcome.Result.SUBMITTED, submitted.result(), submitted.problems().toString());
    caller.set(null);
    return journeys.caseOf(submitted.reference().format());
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void whenTheDeadlinePassesTheItemIsMarkedForTheFinderOrTheMunicipality() throws Exception {
    UUID keeps = UUID.randomUUID();
    UUID waived = UUID.randomUUID();
    UUID fresh = UUID.randomUUID();
    LocalDate old = LocalDate.now(ZONE).minusMonths(6).minusDays(2);
    transactions.asPlatform(
        () -> {
          for (Object[] row :
              List.of(
                  new Object[] {keeps, old, true},
                  new Object[] {waived, old, false},
                  new Object[] {fresh, LocalDate.now(ZONE).minusMonths(5), true})) {
            em.createNativeQuery(
                    "insert into found_item (id, municipality_id, category, description, found_place, found_on,"
                        + " kept_at, finder_keeps, recorded_by) values (?1, ?2, 'bag', 'Alte Tasche', 'Bahnhof', ?3,"
                        + " 'Keller', ?4, 'it')")
                .setParameter(1, row[0])
                .setParameter(2, MUSTERSTADT)
                .setParameter(3, row[1])
                .setParameter(4, row[2])
                .executeUpdate();
          }
        });
    int marked;
    do {
      marked = deadlines.markPassed();
    } while (marked > 0);
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    assertEquals(ItemStatus.TO_FINDER, office.item(keeps).orElseThrow().status());
    assertEquals(ItemStatus.TO_MUNICIPALITY, office.item(waived).orElseThrow().status());
    assertEquals(ItemStatus.FOUND, office.item(fresh).orElseThrow().status());
    assertEquals(
        LocalDate.now(ZONE).minusMonths(5).plusMonths(6),
        office.item(fresh).orElseThrow().deadline());
  }
}
