package eu.rathaus.tenancy.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.Iban;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.tenancy.domain.Municipality;
import eu.rathaus.tenancy.domain.ReferenceCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The municipal admin's settings page: everything the municipality needs before it takes
 * applications and fees. Only the caller's own municipality (staff scope; row-level security checks
 * the same, V18), every change audited as {@code municipality.settings-changed} with the groups
 * that changed. Issued documents are not affected: notices are stored as the PDF that was sent,
 * payment requests keep the payee account they were opened with.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class MunicipalitySettings {

  private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}");

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject AuditLog audit;

  /** The settings as stored now. */
  public SettingsForm current() {
    Municipality m = own();
    SettingsForm form = new SettingsForm();
    form.setName(m.name());
    form.setReferenceCode(m.referenceCode());
    form.setReferenceCodeEditable(!hasApplications(m.id()));
    form.setPayeeName(m.payeeName());
    form.setPayeeIban(m.payeeIban() == null ? null : Iban.parse(m.payeeIban()).formatted());
    form.setPayeeBic(m.payeeBic());
    List<?> head =
        em.createNativeQuery(
                "select authority_name, address_line1, address_line2, phone, email, web_address,"
                    + " logo is not null from municipality_letterhead where municipality_id = ?1")
            .setParameter(1, m.id())
            .getResultList();
    if (!head.isEmpty()) {
      Object[] row = (Object[]) head.get(0);
      form.setAuthorityName((String) row[0]);
      form.setAddressLine1((String) row[1]);
      form.setAddressLine2((String) row[2]);
      form.setPhone((String) row[3]);
      form.setEmail((String) row[4]);
      form.setWebAddress((String) row[5]);
      form.setLogoStored(Boolean.TRUE.equals(row[6]));
    }
    List<?> profile =
        em.createNativeQuery(
                "select dpo_name, dpo_contact, opening_hours from municipality_profile where municipality_id = ?1")
            .setParameter(1, m.id())
            .getResultList();
    if (!profile.isEmpty()) {
      Object[] row = (Object[]) profile.get(0);
      form.setDpoName((String) row[0]);
      form.setDpoContact((String) row[1]);
      form.setOpeningHours((String) row[2]);
    }
    return form;
  }

  /**
   * Checks and stores {@code input}; returns every problem and changes nothing if there is one.
   * {@code actor} is recorded in the audit entry.
   */
  public List<FieldProblem> save(SettingsForm input, String actor) {
    Municipality m = own();
    SettingsForm form = normalised(input);
    List<FieldProblem> problems = check(form, m.payeeIban() != null);
    String code = form.getReferenceCode();
    boolean codeChanged = code != null && !code.equals(m.referenceCode());
    if (problems.stream().noneMatch(p -> p.field().equals("referenceCode")) && codeChanged) {
      if (hasApplications(m.id())) {
        problems.add(FieldProblem.of("referenceCode", "settings.code.locked", m.referenceCode()));
      } else if (!em.createQuery(
              "select x.id from Municipality x where x.referenceCode = :c and x.id <> :id",
              UUID.class)
          .setParameter("c", code)
          .setParameter("id", m.id())
          .getResultList()
          .isEmpty()) {
        problems.add(FieldProblem.of("referenceCode", "settings.code.taken", code));
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    try {
      return store(m, form, code, codeChanged, actor);
    } catch (PersistenceException e) {
      // Someone took the code, or the first application arrived, between the check and the write:
      // the
      // database refused it, the transaction is rolled back and nothing is stored.
      return List.of(FieldProblem.of(CONFLICT, "settings.conflict"));
    }
  }

  /** The field name of a problem with the letterhead logo. */
  public static final String LOGO = "logo";

  /**
   * Checks {@code content} ({@link LogoCheck}) and stores it as the own letterhead's logo; returns
   * the problem and stores nothing if there is one. Needs a letterhead: the logo is printed with
   * it.
   */
  public List<FieldProblem> storeLogo(byte[] content, String actor) {
    Municipality m = own();
    LogoCheck.Result result = LogoCheck.check(content);
    if (!result.accepted()) {
      return List.of(FieldProblem.of(LOGO, result.problemKey(), LogoCheck.MAX_PIXELS));
    }
    int rows =
        em.createNativeQuery(
                "update municipality_letterhead set logo = ?2, logo_type = ?3, updated_at = now()"
                    + " where municipality_id = ?1")
            .setParameter(1, m.id())
            .setParameter(2, content)
            .setParameter(3, result.mediaType())
            .executeUpdate();
    if (rows == 0) {
      return List.of(FieldProblem.of(LOGO, "settings.logo.letterheadFirst"));
    }
    audit.record(
        new AuditEvent(
            actor, "municipality.settings-changed", "municipality", m.slug(), m.id(), "logo"));
    return List.of();
  }

  /** Removes the own letterhead's logo (audited); notices issued before keep theirs. */
  public void removeLogo(String actor) {
    Municipality m = own();
    int rows =
        em.createNativeQuery(
                "update municipality_letterhead set logo = null, logo_type = null, updated_at = now()"
                    + " where municipality_id = ?1 and logo is not null")
            .setParameter(1, m.id())
            .executeUpdate();
    if (rows > 0) {
      audit.record(
          new AuditEvent(
              actor,
              "municipality.settings-changed",
              "municipality",
              m.slug(),
              m.id(),
              "logo removed"));
    }
  }

  /** The field name of a refusal by the database's own checks (no field of the form is wrong). */
  public static final String CONFLICT = "";

  private List<FieldProblem> store(
      Municipality m, SettingsForm form, String code, boolean codeChanged, String actor) {
    SettingsForm before = current();
    List<String> changed = new ArrayList<>();
    if (codeChanged) {
      m.changeReferenceCode(code);
      changed.add("referenceCode=" + code);
    }
    String iban = form.getPayeeIban() == null ? null : Iban.parse(form.getPayeeIban()).electronic();
    if (!Objects.equals(form.getPayeeName(), m.payeeName())
        || !Objects.equals(iban, m.payeeIban())
        || !Objects.equals(form.getPayeeBic(), m.payeeBic())) {
      m.changePayee(form.getPayeeName(), iban, form.getPayeeBic());
      changed.add("payee");
    }
    if (letterheadDiffers(before, form) && form.getAuthorityName() != null) {
      em.createNativeQuery(
              "insert into municipality_letterhead (municipality_id, authority_name, address_line1, address_line2, phone,"
                  + " email, web_address) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (municipality_id) do update set"
                  + " authority_name = excluded.authority_name, address_line1 = excluded.address_line1,"
                  + " address_line2 = excluded.address_line2, phone = excluded.phone, email = excluded.email,"
                  + " web_address = excluded.web_address, updated_at = now()")
          .setParameter(1, m.id())
          .setParameter(2, form.getAuthorityName())
          .setParameter(3, form.getAddressLine1())
          .setParameter(4, form.getAddressLine2())
          .setParameter(5, form.getPhone())
          .setParameter(6, form.getEmail())
          .setParameter(7, form.getWebAddress())
          .executeUpdate();
      changed.add("letterhead");
    }
    if (!Objects.equals(before.getDpoName(), form.getDpoName())
        || !Objects.equals(before.getDpoContact(), form.getDpoContact())
        || !Objects.equals(before.getOpeningHours(), form.getOpeningHours())) {
      em.createNativeQuery(
              "insert into municipality_profile (municipality_id, dpo_name, dpo_contact, opening_hours) values (?1, ?2, ?3, ?4)"
                  + " on conflict (municipality_id) do update set dpo_name = excluded.dpo_name,"
                  + " dpo_contact = excluded.dpo_contact, opening_hours = excluded.opening_hours, updated_at = now(),"
                  + " version = municipality_profile.version + 1")
          .setParameter(1, m.id())
          .setParameter(2, form.getDpoName())
          .setParameter(3, form.getDpoContact())
          .setParameter(4, form.getOpeningHours())
          .executeUpdate();
      changed.add("profile");
    }
    if (!changed.isEmpty()) {
      // The database's own checks (unique code, code frozen by applications) fire here, inside.
      em.flush();
      audit.record(
          new AuditEvent(
              actor,
              "municipality.settings-changed",
              "municipality",
              m.slug(),
              m.id(),
              String.join(", ", changed)));
    }
    return List.of();
  }

  /**
   * Every problem of a normalised form; {@code payeeSet}: an account is stored (it may change, not
   * vanish).
   */
  static List<FieldProblem> check(SettingsForm form, boolean payeeSet) {
    List<FieldProblem> problems = new ArrayList<>();
    if (form.getReferenceCode() == null || !ReferenceCode.isValid(form.getReferenceCode())) {
      problems.add(FieldProblem.of("referenceCode", "settings.code.format"));
    }
    boolean anyPayee =
        form.getPayeeName() != null || form.getPayeeIban() != null || form.getPayeeBic() != null;
    if (anyPayee || payeeSet) {
      if (form.getPayeeName() == null) {
        problems.add(
            FieldProblem.of(
                "payeeName", payeeSet ? "settings.payee.keep" : "settings.payee.name.required"));
      } else {
        text(problems, "payeeName", form.getPayeeName(), 70, false);
      }
      if (form.getPayeeIban() == null) {
        problems.add(
            FieldProblem.of(
                "payeeIban", payeeSet ? "settings.payee.keep" : "settings.iban.required"));
      } else {
        Iban.check(form.getPayeeIban())
            .ifPresent(
                p ->
                    problems.add(
                        FieldProblem.of(
                            "payeeIban", "settings.iban." + p.name().toLowerCase(Locale.ROOT))));
      }
      if (form.getPayeeBic() != null && !BIC.matcher(form.getPayeeBic()).matches()) {
        problems.add(FieldProblem.of("payeeBic", "settings.bic.format"));
      }
    }
    boolean anyLetterhead =
        form.getAuthorityName() != null
            || form.getAddressLine1() != null
            || form.getAddressLine2() != null
            || form.getPhone() != null
            || form.getEmail() != null
            || form.getWebAddress() != null;
    if (anyLetterhead && form.getAuthorityName() == null) {
      problems.add(FieldProblem.of("authorityName", "settings.letterhead.required"));
    }
    if (anyLetterhead && form.getAddressLine1() == null) {
      problems.add(FieldProblem.of("addressLine1", "settings.letterhead.required"));
    }
    text(problems, "authorityName", form.getAuthorityName(), 200, false);
    text(problems, "addressLine1", form.getAddressLine1(), 200, false);
    text(problems, "addressLine2", form.getAddressLine2(), 200, false);
    text(problems, "phone", form.getPhone(), 50, false);
    text(problems, "webAddress", form.getWebAddress(), 200, false);
    if (form.getEmail() != null
        && (form.getEmail().length() > 254 || !EMAIL.matcher(form.getEmail()).matches())) {
      problems.add(FieldProblem.of("email", "settings.email.format"));
    }
    text(problems, "dpoName", form.getDpoName(), 200, false);
    text(problems, "dpoContact", form.getDpoContact(), 300, false);
    if (form.getDpoName() != null && form.getDpoContact() == null) {
      problems.add(FieldProblem.of("dpoContact", "settings.dpo.contact.required"));
    }
    text(problems, "openingHours", form.getOpeningHours(), 1000, true);
    return problems;
  }

  private static void text(
      List<FieldProblem> problems, String field, String value, int max, boolean multiLine) {
    if (value == null || problems.stream().anyMatch(p -> p.field().equals(field))) {
      return;
    }
    boolean control =
        value
            .chars()
            .anyMatch(c -> Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r')));
    if (value.length() > max || control) {
      problems.add(FieldProblem.of(field, "settings.text.invalid", max));
    }
  }

  /**
   * Trims, turns blanks into nulls, upper-cases code and BIC, and keeps the IBAN as typed (checked
   * later).
   */
  static SettingsForm normalised(SettingsForm in) {
    SettingsForm out = new SettingsForm();
    out.setReferenceCode(ReferenceCode.normalise(in.getReferenceCode()));
    out.setPayeeName(TypedText.clean(in.getPayeeName()));
    out.setPayeeIban(TypedText.clean(in.getPayeeIban()));
    String bic = TypedText.clean(in.getPayeeBic());
    out.setPayeeBic(bic == null ? null : bic.replace(" ", "").toUpperCase(Locale.ROOT));
    out.setAuthorityName(TypedText.clean(in.getAuthorityName()));
    out.setAddressLine1(TypedText.clean(in.getAddressLine1()));
    out.setAddressLine2(TypedText.clean(in.getAddressLine2()));
    out.setPhone(TypedText.clean(in.getPhone()));
    out.setEmail(TypedText.clean(in.getEmail()));
    out.setWebAddress(TypedText.clean(in.getWebAddress()));
    out.setDpoName(TypedText.clean(in.getDpoName()));
    out.setDpoContact(TypedText.clean(in.getDpoContact()));
    out.setOpeningHours(TypedText.clean(in.getOpeningHours()));
    return out;
  }

  private static boolean letterheadDiffers(SettingsForm a, SettingsForm b) {
    return !Objects.equals(a.getAuthorityName(), b.getAuthorityName())
        || !Objects.equals(a.getAddressLine1(), b.getAddressLine1())
        || !Objects.equals(a.getAddressLine2(), b.getAddressLine2())
        || !Objects.equals(a.getPhone(), b.getPhone())
        || !Objects.equals(a.getEmail(), b.getEmail())
        || !Objects.equals(a.getWebAddress(), b.getWebAddress());
  }

  private boolean hasApplications(UUID municipalityId) {
    return !em.createNativeQuery(
            "select 1 from case_application where municipality_id = ?1 limit 1")
        .setParameter(1, municipalityId)
        .getResultList()
        .isEmpty();
  }

  private Municipality own() {
    return own(em, caller);
  }

  /** The caller's municipality; only staff have one here (also for {@link SignLanguageVideos}). */
  static Municipality own(EntityManager em, CallerScope caller) {
    TenantScope scope = caller.get();
    if (scope == null || scope.kind() != TenantScope.Kind.STAFF) {
      throw new SecurityException("Settings belong to a municipality's staff");
    }
    Municipality m = em.find(Municipality.class, scope.municipalityId());
    if (m == null) {
      throw new IllegalStateException("No municipality " + scope.municipalityId());
    }
    return m;
  }
}
