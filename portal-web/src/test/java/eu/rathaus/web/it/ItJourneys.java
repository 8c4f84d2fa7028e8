package eu.rathaus.web.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.rathaus.applications.application.ApplicationJourney;
import eu.rathaus.applications.application.StepOutcome;
import eu.rathaus.applications.application.SubmissionOutcome;
import eu.rathaus.catalogue.application.DemoTemplates;
import eu.rathaus.catalogue.application.ServiceCatalogue;
import eu.rathaus.kernel.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The in-container integration tests' one way to make the data they build on through the real use
 * cases: a shipped template published as a fresh service of Musterstadt (own key, so a test can
 * filter by it and ignore other tests' rows), and a Meldebescheinigung submitted by the citizen the
 * caller scope names. {@link Deployments#portal} adds it to every test deployment; tests
 * {@code @Inject} it.
 */
@ApplicationScoped
public class ItJourneys {

  public static final UUID MUSTERSTADT = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001");
  public static final UUID BEISPIELHEIM = UUID.fromString("7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ServiceCatalogue catalogue;
  @Inject ApplicationJourney journey;
  @Inject ScopedTransactions transactions;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A service published for the test: its key, definition and published version. */
  public record Published(String serviceKey, UUID definitionId, UUID versionId) {}

  /**
   * Publishes shipped template {@code name} (e.g. {@code meldebescheinigung}) in Musterstadt under
   * the key {@code keyPrefix} + a random suffix; {@code edit} may change the template's text first
   * (a fee, a field).
   */
  public Published publish(String name, String keyPrefix, UnaryOperator<String> edit)
      throws Exception {
    String serviceKey = keyPrefix + UUID.randomUUID().toString().substring(0, 8);
    String template =
        edit.apply(
            DemoTemplates.load("/catalogue/templates/" + name + ".json")
                .replace("\"demo." + name + "\"", "\"" + serviceKey + "\""));
    return transactions.call(
        TenantScope.platform("it"),
        () -> {
          require(catalogue.addTemplate(template, "it").isDone(), "template added");
          UUID definition = catalogue.adoptTemplate(MUSTERSTADT, serviceKey, "it").id();
          UUID version = catalogue.openDraft(MUSTERSTADT, definition, "it").id();
          require(catalogue.publish(MUSTERSTADT, version, "it").isDone(), "published");
          return new Published(serviceKey, definition, version);
        });
  }

  /** Publishes template {@code name} unchanged. */
  public Published publish(String name, String keyPrefix) throws Exception {
    return publish(name, keyPrefix, UnaryOperator.identity());
  }

  /**
   * The citizen of the caller scope fills in and submits a published Meldebescheinigung (extended
   * certificate, delivered to the mailbox); returns the reference number.
   *
   * @param lastName the applicant's last name in the answers
   * @param email the address answered on the last step
   * @param recipientEmail where the confirmation goes (the eID's address), or null for none
   * @param applicantName the eID's name copied onto the case, or null
   */
  public String submitMeldebescheinigung(
      String serviceKey, String lastName, String email, String recipientEmail, String applicantName)
      throws Exception {
    return submitMeldebescheinigung(
        serviceKey, "extended", lastName, email, recipientEmail, applicantName);
  }

  /**
   * The same with certificate type {@code certificateType} ({@code simple} or {@code extended}, of
   * different fees).
   */
  public String submitMeldebescheinigung(
      String serviceKey,
      String certificateType,
      String lastName,
      String email,
      String recipientEmail,
      String applicantName)
      throws Exception {
    return submitMeldebescheinigung(
        serviceKey, certificateType, lastName, email, recipientEmail, applicantName, "de");
  }

  /** The same, submitted in portal language {@code language} ({@code de} or {@code en}). */
  public String submitMeldebescheinigung(
      String serviceKey,
      String certificateType,
      String lastName,
      String email,
      String recipientEmail,
      String applicantName,
      String language)
      throws Exception {
    StepOutcome one =
        journey.saveStep(
            null,
            "musterstadt",
            serviceKey,
            null,
            0,
            json(
                "{\"firstNames\":\"Erika\",\"lastName\":\""
                    + lastName
                    + "\",\"birthDate\":\"1964-08-12\"}"),
            1);
    require(one.isSaved(), one.problems().toString());
    require(
        journey
            .saveStep(
                one.draftId(),
                null,
                null,
                null,
                1,
                json("{\"certificateType\":\"" + certificateType + "\",\"delivery\":\"mailbox\"}"),
                2)
            .isSaved(),
        "second step saved");
    require(
        journey
            .saveStep(one.draftId(), null, null, null, 2, json("{\"email\":\"" + email + "\"}"), 3)
            .isSaved(),
        "third step saved");
    SubmissionOutcome submitted =
        journey.submit(
            one.draftId(), UUID.randomUUID().toString(), recipientEmail, applicantName, language);
    require(
        submitted.result() == SubmissionOutcome.Result.SUBMITTED, submitted.problems().toString());
    return submitted.reference().format();
  }

  /** The id of the case opened for the application with this reference number. */
  public UUID caseOf(String reference) throws Exception {
    return idOf("select c.id from CaseRecord c where c.referenceNumber = :r", reference);
  }

  /** The id of the application with this reference number. */
  public UUID applicationOf(String reference) throws Exception {
    return idOf("select a.id from CaseApplication a where a.referenceNumber = :r", reference);
  }

  private UUID idOf(String jpql, String reference) throws Exception {
    return transactions.call(
        TenantScope.platform("it"),
        () -> em.createQuery(jpql, UUID.class).setParameter("r", reference).getSingleResult());
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }

  /** A small PDF that the type check takes for one; {@code marker} makes its bytes unique. */
  public static byte[] pdf(String marker) {
    return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% "
            + marker
            + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
