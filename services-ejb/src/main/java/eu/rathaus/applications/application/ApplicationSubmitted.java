package eu.rathaus.applications.application;

import eu.rathaus.applications.domain.CaseApplication;
import jakarta.interceptor.Interceptor;

/**
 * Fired synchronously inside the submission's transaction, after the application is stored: the
 * case work opens the case record, payments the fee's request. The applications capability knows
 * neither of them; an observer's exception rolls the whole submission back.
 *
 * @param application the stored application (reference number, municipality, submission time)
 * @param processingDays the service's processing time, the case's deadline
 * @param applicantName the citizen's name from the eID, copied onto the case for clerks' searches
 * @param applicantSubject the citizen's subject
 * @param feeCents the fee evaluated on the answers; 0 for free services
 * @param serviceKey the service's key (a data protection request opens a case for the data
 *     protection role only)
 */
public record ApplicationSubmitted(
    CaseApplication application,
    int processingDays,
    String applicantName,
    String applicantSubject,
    long feeCents,
    String serviceKey) {

  /** Observer order: the case first, then the payment (the order the submission always had). */
  public static final int CASE = Interceptor.Priority.APPLICATION;

  public static final int PAYMENT = Interceptor.Priority.APPLICATION + 100;
}
