package eu.rathaus.web.it;

import eu.rathaus.attachments.infrastructure.AesGcm;
import eu.rathaus.attachments.infrastructure.KeystoreKeyProvider;
import eu.rathaus.audit.application.AuditChainRows;
import eu.rathaus.audit.domain.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rows written straight into the test database by the superuser (not bound by row-level security),
 * for tests that need data of a known shape without depending on another test's journey: a
 * municipality of their own, one submitted case, a sealed decision notice the portal can open, one
 * row in every tenant-owned table.
 *
 * <p>Reference numbers use the year 2000, which the portal's counter never draws (it numbers in the
 * current year), so a seeded number can never collide with one a later submission is given. Data
 * keys are wrapped with the test stack's real master key, so the portal opens what is sealed here.
 */
public final class TenantRows {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SEEDED_YEAR = "2000";

  private TenantRows() {}

  /** A submitted application and its case record, of a service that is not in the catalogue. */
  public record SubmittedCase(
      UUID municipality,
      String citizen,
      UUID definition,
      UUID version,
      UUID application,
      UUID caseId,
      String reference) {}

  /**
   * Creates a municipality of the test's own, {@code SUSPENDED} so it shows up in no directory or
   * catalogue, with a fresh slug, AGS and reference code.
   */
  public static UUID newMunicipality(Connection c, String purpose) throws SQLException {
    for (int attempt = 0; attempt < 50; attempt++) {
      UUID id = UUID.randomUUID();
      String slug = "it-" + purpose + "-" + id.toString().substring(0, 8);
      String ags = String.format("%08d", RANDOM.nextInt(100_000_000));
      String code = "" + letter() + letter() + letter();
      try (PreparedStatement p =
          c.prepareStatement(
              "insert into municipality (id, slug, name, ags, state, status, reference_code) values (?, ?, ?, ?, 'Bayern', 'SUSPENDED', ?)"
                  + " on conflict do nothing")) {
        p.setObject(1, id);
        p.setString(2, slug);
        p.setString(3, "Testgemeinde " + purpose + " " + code);
        p.setString(4, ags);
        p.setString(5, code);
        if (p.executeUpdate() == 1) {
          return id;
        }
      }
    }
    throw new IllegalStateException(
        "no free slug, AGS and reference code found for a test municipality");
  }

  /**
   * A citizen's submitted application in {@code municipality}, of a service with only a draft
   * version (so no catalogue lists it), and its case record in review.
   */
  public static SubmittedCase submittedCase(Connection c, UUID municipality, String citizen)
      throws SQLException {
    UUID definition = UUID.randomUUID();
    UUID version = UUID.randomUUID();
    serviceDefinition(c, definition, municipality, "probe-" + shortId(), null);
    serviceVersion(c, version, definition, municipality, 1, false);
    UUID application = UUID.randomUUID();
    String reference =
        code(c, municipality)
            + "-"
            + SEEDED_YEAR
            + "-"
            + String.format("%06d", RANDOM.nextInt(1_000_000));
    Timestamp submitted = Timestamp.from(Instant.now());
    update(
        c,
        "insert into case_application (id, reference_number, municipality_id, definition_id, version_id, applicant_subject,"
            + " answers, fee_cents, submitted_at, idempotency_key) values (?, ?, ?, ?, ?, ?, '{}'::jsonb, 0, ?, ?)",
        application,
        reference,
        municipality,
        definition,
        version,
        citizen,
        submitted,
        UUID.randomUUID().toString());
    UUID caseId = UUID.randomUUID();
    update(
        c,
        "insert into case_record (id, application_id, municipality_id, applicant_subject, status, due_date, definition_id,"
            + " reference_number, applicant_name, submitted_at, processing_days, changed_at) values (?, ?, ?, ?, 'IN_REVIEW', ?, ?, ?, ?, ?, 14, ?)",
        caseId,
        application,
        municipality,
        citizen,
        java.sql.Date.valueOf(LocalDate.now().plusDays(14)),
        definition,
        reference,
        "Erika Probe",
        submitted,
        submitted);
    return new SubmittedCase(
        municipality, citizen, definition, version, application, caseId, reference);
  }

  /**
   * An approving decision notice on the case, sealed with the municipality's current data key
   * exactly as the portal seals one (AES-GCM, associated data = notice id and municipality), so the
   * portal's download opens it. Returns the notice id.
   */
  public static UUID notice(Connection c, SubmittedCase on, byte[] pdf) throws SQLException {
    UUID id = UUID.randomUUID();
    DataKey key = dataKey(c, on.municipality());
    AesGcm.Sealed sealed =
        AesGcm.seal(
            key.key(),
            pdf,
            ("rathaus-notice:v1|" + id + "|" + on.municipality()).getBytes(StandardCharsets.UTF_8));
    update(
        c,
        "insert into decision_notice (id, case_id, municipality_id, applicant_subject, approved, reasons, file_name,"
            + " size_bytes, sha256, key_version, nonce, ciphertext, created_by) values (?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        on.caseId(),
        on.municipality(),
        on.citizen(),
        "Die Voraussetzungen liegen vor.",
        "Bescheid-" + on.reference() + ".pdf",
        (long) pdf.length,
        sha256(pdf),
        key.version(),
        sealed.nonce(),
        sealed.ciphertext(),
        "it-clerk");
    return id;
  }

  /** The smallest byte sequence a PDF reader and the download's checks accept as a PDF. */
  public static byte[] minimalPdf() {
    return "%PDF-1.4\n%seeded by an integration test\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * At least one row of {@code municipality} in every tenant-owned table the schema had when this
   * was written; the citizen's rows belong to {@code citizen}. Where a table's visibility depends
   * on a row's content (published or not, shown to the citizen or not), rows of both kinds are
   * written.
   */
  public static void everyTable(Connection c, UUID municipality, String citizen)
      throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    // Catalogue: one offered service (published current version plus a newer draft), one never
    // offered.
    UUID offered = UUID.randomUUID();
    UUID published = UUID.randomUUID();
    serviceDefinition(c, offered, municipality, "offered-" + shortId(), published);
    serviceVersion(c, published, offered, municipality, 1, true);
    serviceVersion(c, UUID.randomUUID(), offered, municipality, 2, false);
    SubmittedCase submitted = submittedCase(c, municipality, citizen);

    update(
        c,
        "insert into application_reference_counter (municipality_id, year, last_value) values (?, 2000, 1)",
        municipality);
    UUID draft = UUID.randomUUID();
    update(
        c,
        "insert into application_draft (id, municipality_id, definition_id, version_id, applicant_subject) values (?, ?, ?, ?, ?)",
        draft,
        municipality,
        offered,
        published,
        citizen);

    // Case work: a timeline with an event the citizen sees and one only staff see; a note; the
    // roster.
    update(
        c,
        "insert into case_event (id, case_id, municipality_id, occurred_at, actor_subject, kind, to_status, citizen_visible)"
            + " values (?, ?, ?, ?, ?, 'SUBMITTED', 'SUBMITTED', true)",
        UUID.randomUUID(),
        submitted.caseId(),
        municipality,
        now,
        citizen);
    update(
        c,
        "insert into case_event (id, case_id, municipality_id, occurred_at, actor_subject, kind, from_status, to_status, citizen_visible)"
            + " values (?, ?, ?, ?, 'it-clerk', 'ASSIGNED', 'SUBMITTED', 'IN_REVIEW', false)",
        UUID.randomUUID(),
        submitted.caseId(),
        municipality,
        now);
    update(
        c,
        "insert into case_note (id, case_id, municipality_id, written_at, author_subject, text) values (?, ?, ?, ?, 'it-clerk', 'intern')",
        UUID.randomUUID(),
        submitted.caseId(),
        municipality,
        now);
    update(
        c,
        "insert into case_staff (municipality_id, subject, display_name, seen_at) values (?, 'it-clerk', 'Clara Probe', ?)",
        municipality,
        now);
    // case_status_count is kept by a trigger on case_record: the case above wrote its row.

    // Mailbox: the case's thread, a staff message with a file, and the citizen's own upload to the
    // draft.
    UUID thread = UUID.randomUUID();
    update(
        c,
        "insert into mailbox_thread (id, municipality_id, case_id, citizen_subject, title, created_at, last_message_at)"
            + " values (?, ?, ?, ?, 'Rückfrage', ?, ?)",
        thread,
        municipality,
        submitted.caseId(),
        citizen,
        now,
        now);
    UUID message = UUID.randomUUID();
    update(
        c,
        "insert into mailbox_message (id, thread_id, municipality_id, citizen_subject, author_kind, author_subject, author_name,"
            + " body, created_at) values (?, ?, ?, ?, 'STAFF', 'it-clerk', 'Clara Probe', 'Bitte reichen Sie nach.', ?)",
        message,
        thread,
        municipality,
        citizen,
        now);
    DataKey key = dataKey(c, municipality);
    attachment(c, municipality, key, citizen, draft, null);
    attachment(c, municipality, key, "it-clerk", null, message);
    notice(c, submitted, minimalPdf());
    update(
        c,
        "insert into decision_text_block (id, municipality_id, kind, title, body) values (?, ?, 'APPROVAL', 'Probe', 'Probe')",
        UUID.randomUUID(),
        municipality);
    update(
        c,
        "insert into municipality_letterhead (municipality_id, authority_name, address_line1) values (?, 'Probeamt', 'Probeweg 1')"
            + " on conflict do nothing",
        municipality);
    update(
        c,
        "insert into municipality_profile (municipality_id, dpo_name, dpo_contact, opening_hours)"
            + " values (?, 'Dana Probe', 'datenschutz@probe.example.org', 'Mo-Fr 8-12 Uhr') on conflict do nothing",
        municipality);
    update(
        c,
        "insert into municipality_onboarding (municipality_id, admin_email, completed_at) values (?, 'admin@probe.example.org', ?)"
            + " on conflict do nothing",
        municipality,
        now);
    // Sent already and not due: the outbox sender leaves it alone.
    update(
        c,
        "insert into notification_outbox (id, municipality_id, recipient_subject, recipient_email, template_key, sent_at, attempts)"
            + " values (?, ?, ?, 'probe@probe.example.org', 'probe', ?, 1)",
        UUID.randomUUID(),
        municipality,
        citizen,
        now);

    // Payments: a paid request with its event and a finished refund; a statement entry in
    // clarification.
    UUID payment = UUID.randomUUID();
    update(
        c,
        "insert into payment_request (id, municipality_id, application_id, applicant_subject, payment_reference, amount_cents,"
            + " due_date, state, method, paid_cents, paid_at, created_at, updated_at) values (?, ?, ?, ?, ?, 1000, ?, 'PAID', 'SEPA_TRANSFER',"
            + " 1000, ?, ?, ?)",
        payment,
        municipality,
        submitted.application(),
        citizen,
        "RF00" + HexFormat.of().formatHex(randomBytes(10)).toUpperCase(),
        java.sql.Date.valueOf(LocalDate.now()),
        now,
        now,
        now);
    update(
        c,
        "insert into payment_event (id, payment_id, municipality_id, applicant_subject, occurred_at, kind, to_state, source, actor)"
            + " values (?, ?, ?, ?, ?, 'PAID', 'PAID', 'TEST', 'it')",
        UUID.randomUUID(),
        payment,
        municipality,
        citizen,
        now);
    update(
        c,
        "insert into payment_refund (id, payment_id, municipality_id, amount_cents, reason, channel, state, requested_by, requested_at)"
            + " values (?, ?, ?, 100, 'Probe', 'SEPA_INSTRUCTION', 'DONE', 'it', ?)",
        UUID.randomUUID(),
        payment,
        municipality,
        now);
    UUID statement = UUID.randomUUID();
    update(
        c,
        "insert into bank_statement (id, municipality_id, message_type, message_id, statement_id, account_iban, file_sha256,"
            + " entry_count, matched_count, clarification_count, ignored_count, imported_by, imported_at)"
            + " values (?, ?, 'camt.053', 'MSG', ?, 'DE02120300000000202051', ?, 1, 0, 1, 0, 'it', ?)",
        statement,
        municipality,
        "STMT-" + shortId(),
        sha256(randomBytes(16)),
        now);
    UUID entry = UUID.randomUUID();
    update(
        c,
        "insert into bank_statement_entry (id, statement_id, municipality_id, line_no, bank_reference, amount_cents, currency,"
            + " credit_debit, outcome) values (?, ?, ?, 1, 'REF', 500, 'EUR', 'CRDT', 'UNKNOWN_REFERENCE')",
        entry,
        statement,
        municipality);
    update(
        c,
        "insert into payment_clarification (id, entry_id, municipality_id, reason, status, created_at)"
            + " values (?, ?, ?, 'UNKNOWN_REFERENCE', 'OPEN', ?)",
        UUID.randomUUID(),
        entry,
        municipality,
        now);

    appointments(c, municipality, citizen);
    lostProperty(c, municipality, citizen);
    residents(c, municipality, citizen);
    handoff(c, municipality, offered, submitted);
    webhooks(c, municipality);
    retention(c, municipality, offered, submitted);
    apiClient(c, municipality);
    auditEntry(c, municipality);
  }

  /**
   * Resident register (V50): a resident linked to the citizen's eID pseudonym (here: the subject)
   * and a household member not linked to anyone, each with an address and a blocking note; a
   * certificate of residence of the citizen (V51).
   */
  public static void residents(Connection c, UUID municipality, String citizen)
      throws SQLException {
    UUID linked = UUID.randomUUID();
    UUID member = UUID.randomUUID();
    for (UUID resident : List.of(linked, member)) {
      update(
          c,
          "insert into resident (id, municipality_id, given_names, family_name, birth_date, eid_pseudonym)"
              + " values (?, ?, 'Ida', 'Probe', date '2000-01-03', ?)",
          resident,
          municipality,
          resident.equals(linked) ? citizen : null);
      update(
          c,
          "insert into resident_address (id, municipality_id, resident_id, street, house_number, postcode, town,"
              + " moved_in) values (?, ?, ?, 'Probeweg', '1', '99999', 'Probestadt', date '2000-01-03')",
          UUID.randomUUID(),
          municipality,
          resident);
      update(
          c,
          "insert into resident_block (id, municipality_id, resident_id, kind, reason, since)"
              + " values (?, ?, ?, 'SPERRVERMERK', 'it', date '2000-01-03')",
          UUID.randomUUID(),
          municipality,
          resident);
    }
    update(
        c,
        "insert into resident_household (municipality_id, resident_id, member_id, relation) values (?, ?, ?, 'CHILD')",
        municipality,
        linked,
        member);
    // A certificate of residence (V51) the citizen holds, issued for an application of hers.
    SubmittedCase request = submittedCase(c, municipality, citizen);
    update(
        c,
        "insert into resident_certificate (id, municipality_id, application_id, resident_id, holder_subject,"
            + " kind, code, issued_by, pdf) values (?, ?, ?, ?, ?, 'SIMPLE', ?, 'Probestadt', ?)",
        UUID.randomUUID(),
        municipality,
        request.application(),
        linked,
        citizen,
        eu.rathaus.registers.residents.domain.VerificationCode.generate(),
        minimalPdf());
    // A change of address (V66) the citizen filed with her eID, already written to the register.
    SubmittedCase move = submittedCase(c, municipality, citizen);
    update(
        c,
        "insert into resident_move (id, municipality_id, application_id, applicant_subject,"
            + " eid_pseudonym, registered_at, registered_by) values (?, ?, ?, ?, ?, now(), 'it')",
        UUID.randomUUID(),
        municipality,
        move.application(),
        citizen,
        "eid.it-" + UUID.randomUUID());
  }

  /**
   * Hand-off (V52): the offered service handed to a specialist procedure (active destination,
   * public keys only), the citizen's application sealed for it, and one status event.
   */
  public static void handoff(
      Connection c, UUID municipality, UUID definition, SubmittedCase submitted)
      throws SQLException {
    UUID destination = UUID.randomUUID();
    update(
        c,
        "insert into handoff_destination (id, municipality_id, definition_id, endpoint, encryption_key, signature_key,"
            + " client_id, changed_by) values (?, ?, ?, 'https://fachverfahren.example.org', '{}', '{}', ?, 'it')",
        destination,
        municipality,
        definition,
        "rathaus-destination-" + destination);
    UUID submission = UUID.randomUUID();
    update(
        c,
        "insert into handoff_submission (id, municipality_id, destination_id, application_id, case_id, reference_number,"
            + " service_key, content, created_at) values (?, ?, ?, ?, ?, ?, 'probe', 'a.b.c.d.e', now())",
        submission,
        municipality,
        destination,
        submitted.application(),
        submitted.caseId(),
        submitted.reference());
    update(
        c,
        "insert into handoff_event (id, municipality_id, destination_id, submission_id, jti, kind, issued_at)"
            + " values (?, ?, ?, ?, ?, 'received', now())",
        UUID.randomUUID(),
        municipality,
        destination,
        submission,
        UUID.randomUUID().toString());
  }

  /** Webhooks (V59): a subscription of the municipality's own system and one delivery of it. */
  public static void webhooks(Connection c, UUID municipality) throws SQLException {
    UUID subscription = UUID.randomUUID();
    update(
        c,
        "insert into webhook_subscription (id, municipality_id, url, events, secret, created_by)"
            + " values (?, ?, 'https://fachamt.localhost/hook', 'application.submitted', 'sealed:v1:00000000-0000-0000-0000-000000000000:1:AAAA:AAAA', 'it')",
        subscription,
        municipality);
    update(
        c,
        // Due in a month: the running sender (every 2 s) must not change the row while a test
        // compares it (PortabilityIT's content hashes once differed by the sender's attempt).
        "insert into webhook_delivery (id, municipality_id, subscription_id, event_type, payload, created_at,"
            + " next_attempt_at) values (?, ?, ?, 'application.submitted', '{}', now(),"
            + " now() + interval '30 days')",
        UUID.randomUUID(),
        municipality,
        subscription);
  }

  /** An API client (V67) of the municipality: its Keycloak client id, scopes, rate limit. */
  public static void apiClient(Connection c, UUID municipality) throws SQLException {
    UUID id = UUID.randomUUID();
    update(
        c,
        "insert into api_client (id, municipality_id, client_id, name, scopes, rate_per_minute,"
            + " changed_by) values (?, ?, ?, 'Probe-App', 'public-read,submission', 60, 'it')",
        id,
        municipality,
        "api-probe-" + id);
  }

  /**
   * Retention (V53): a service's retention setting, an erasure logged, a (shredded) file key. The
   * key row references the municipality's data key, which {@link #dataKey} makes if needed.
   */
  public static void retention(Connection c, UUID municipality, UUID service, SubmittedCase erased)
      throws SQLException {
    update(
        c,
        "insert into retention_setting (municipality_id, definition_id, draft_months, updated_by)"
            + " values (?, ?, 3, 'it-admin')",
        municipality,
        service);
    update(
        c,
        "insert into retention_erasure (id, municipality_id, definition_id, object_kind, object_id, pseudonym,"
            + " trigger_kind, rule, erased_at) values (?, ?, ?, 'CASE', ?, ?, 'SCHEDULE', 'CASE_PERIOD_OVER', now())",
        UUID.randomUUID(),
        municipality,
        erased.definition(),
        erased.caseId(),
        "erased:" + erased.caseId());
    DataKey key = dataKey(c, municipality);
    update(
        c,
        "insert into file_data_key (id, municipality_id, key_version, shredded_at) values (?, ?, ?, now())",
        UUID.randomUUID(),
        municipality,
        key.version());
  }

  /**
   * Lost property (V42): one item still FOUND (public) with its finder, and one CLAIMED (staff
   * only) by a loss report of the citizen. Photos (V63): the FOUND item shows the draft's file as a
   * public photo and the message's file as a private one: run after the attachments exist.
   */
  public static void lostProperty(Connection c, UUID municipality, String citizen)
      throws SQLException {
    UUID found = UUID.randomUUID();
    UUID claimed = UUID.randomUUID();
    for (UUID item : List.of(found, claimed)) {
      update(
          c,
          "insert into found_item (id, municipality_id, category, description, found_place, found_on, kept_at,"
              + " status, recorded_by) values (?, ?, 'wallet', 'Braune Geldbörse', 'Marktplatz', ?, 'Zimmer 12', ?, 'it')",
          item,
          municipality,
          java.sql.Date.valueOf(LocalDate.of(2000, 1, 3)),
          item.equals(found) ? "FOUND" : "CLAIMED");
      update(
          c,
          "insert into found_item_finder (found_item_id, municipality_id, name, contact) values (?, ?, 'Finderin Probe', 'probe@example.org')",
          item,
          municipality);
    }
    SubmittedCase report = submittedCase(c, municipality, citizen);
    update(
        c,
        "insert into found_item_claim (id, municipality_id, found_item_id, case_id, confirmed_by) values (?, ?, ?, ?, 'it')",
        UUID.randomUUID(),
        municipality,
        claimed,
        report.caseId());
    String photo =
        "insert into found_item_photo (id, municipality_id, found_item_id, attachment_id, is_public, alt_text, created_by)"
            + " select ?, municipality_id, ?, id, ?, 'Probe', 'it' from attachment where municipality_id = ? and ";
    update(c, photo + "draft_id is not null", UUID.randomUUID(), found, true, municipality);
    update(c, photo + "message_id is not null", UUID.randomUUID(), found, false, municipality);
  }

  /**
   * Appointments (V27): a location with a counter, hours, a closure, a type, and one booking of the
   * citizen. Its start lies in the year 2000, so no slot list or reminder ever meets it.
   */
  public static void appointments(Connection c, UUID municipality, String citizen)
      throws SQLException {
    UUID location = UUID.randomUUID();
    UUID counter = UUID.randomUUID();
    UUID type = UUID.randomUUID();
    update(
        c,
        "insert into appointment_location (id, municipality_id, name, address) values (?, ?, 'Bürgerbüro', 'Hauptstraße 1')",
        location,
        municipality);
    update(
        c,
        "insert into appointment_counter (id, municipality_id, location_id, name) values (?, ?, ?, 'Schalter 1')",
        counter,
        municipality,
        location);
    update(
        c,
        "insert into appointment_opening_hours (id, municipality_id, location_id, weekday, opens, closes)"
            + " values (?, ?, ?, 1, '08:00', '12:00')",
        UUID.randomUUID(),
        municipality,
        location);
    update(
        c,
        "insert into appointment_closure (id, municipality_id, location_id, day, reason) values (?, ?, ?, ?, 'Betriebsausflug')",
        UUID.randomUUID(),
        municipality,
        location,
        java.sql.Date.valueOf(LocalDate.of(2000, 1, 3)));
    update(
        c,
        "insert into appointment_type (id, municipality_id, location_id, name, minutes) values (?, ?, ?, 'Abholung', 15)",
        type,
        municipality,
        location);
    Timestamp start = Timestamp.from(Instant.parse("2000-01-04T08:00:00Z"));
    update(
        c,
        "insert into appointment (id, municipality_id, type_id, counter_id, starts_at, ends_at, status, citizen_subject,"
            + " email, token_hash, confirmed_at) values (?, ?, ?, ?, ?, ?, 'BOOKED', ?, 'probe@example.org', ?, ?)",
        UUID.randomUUID(),
        municipality,
        type,
        counter,
        start,
        Timestamp.from(start.toInstant().plusSeconds(900)),
        citizen,
        HexFormat.of().formatHex(randomBytes(32)),
        start);
  }

  /**
   * The municipality's current data key, created (wrapped by the test stack's master key) if it has
   * none.
   */
  public record DataKey(int version, SecretKey key) {}

  public static DataKey dataKey(Connection c, UUID municipality) throws SQLException {
    var config = ItStack.config();
    KeystoreKeyProvider master =
        new KeystoreKeyProvider(
            config.keystorePath(), config.keystorePassword().toCharArray(), null);
    byte[] fresh = randomBytes(32);
    update(
        c,
        "insert into municipality_data_key (municipality_id, key_version, master_key_id, wrapped_key) values (?, 1, ?, ?)"
            + " on conflict do nothing",
        municipality,
        master.currentMasterKeyId(),
        master.wrap(fresh, AesGcm.dataKeyContext(municipality, 1)));
    try (PreparedStatement p =
        c.prepareStatement(
            "select key_version, master_key_id, wrapped_key from municipality_data_key where municipality_id = ? order by key_version desc limit 1")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        int version = rs.getInt(1);
        byte[] raw =
            master.unwrap(
                rs.getString(2), rs.getBytes(3), AesGcm.dataKeyContext(municipality, version));
        return new DataKey(version, new SecretKeySpec(raw, "AES"));
      }
    }
  }

  private static void attachment(
      Connection c, UUID municipality, DataKey key, String owner, UUID draft, UUID message)
      throws SQLException {
    UUID id = UUID.randomUUID();
    byte[] content = "Probe".getBytes(StandardCharsets.UTF_8);
    AesGcm.Sealed sealed =
        AesGcm.seal(key.key(), content, AesGcm.attachmentContext(id, municipality));
    update(
        c,
        "insert into attachment (id, municipality_id, owner_subject, draft_id, message_id, display_name, content_type, size_bytes,"
            + " sha256, scan_status, key_version, nonce, ciphertext) values (?, ?, ?, ?, ?, 'probe.txt', 'text/plain', ?, ?, 'CLEAN', ?, ?, ?)",
        id,
        municipality,
        owner,
        draft,
        message,
        (long) content.length,
        sha256(content),
        key.version(),
        sealed.nonce(),
        sealed.ciphertext());
  }

  /**
   * One entry at the end of the municipality's audit chain, hashed as the portal hashes, so the
   * chain still verifies.
   */
  private static void auditEntry(Connection c, UUID municipality) throws SQLException {
    AuditChainRows.append(
        c, new AuditEvent("it-seed", "test.seeded", null, null, municipality, null));
  }

  private static void serviceDefinition(
      Connection c, UUID id, UUID municipality, String key, UUID currentVersion)
      throws SQLException {
    update(
        c,
        "insert into service_definition (id, municipality_id, service_key, category, title_de, description_de, current_version_id)"
            + " values (?, ?, ?, 'Probe', 'Isolationsprobe', 'Nur für Tests', ?)",
        id,
        municipality,
        key,
        currentVersion);
  }

  private static void serviceVersion(
      Connection c, UUID id, UUID definition, UUID municipality, int number, boolean published)
      throws SQLException {
    update(
        c,
        "insert into service_version (id, definition_id, municipality_id, version_number, status, form, fee_rule, required_loa,"
            + " processing_days, published_at) values (?, ?, ?, ?, ?, '{}'::jsonb, '{}'::jsonb, 'LOW', 14, ?)",
        id,
        definition,
        municipality,
        number,
        published ? "PUBLISHED" : "DRAFT",
        published ? Timestamp.from(Instant.now()) : null);
  }

  private static String code(Connection c, UUID municipality) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("select reference_code from municipality where id = ?")) {
      p.setObject(1, municipality);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        p.setObject(i + 1, values[i]);
      }
      p.executeUpdate();
    }
  }

  private static char letter() {
    return (char) ('A' + RANDOM.nextInt(26));
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
