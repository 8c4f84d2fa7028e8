package eu.rathaus.web.office;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.applications.domain.AnswerSheet;
import eu.rathaus.attachments.application.AttachmentSummary;
import eu.rathaus.cases.application.CaseDetails;
import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.CaseOutcome;
import eu.rathaus.cases.application.CaseWork;
import eu.rathaus.cases.domain.CaseAction;
import eu.rathaus.cases.domain.CaseStatus;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Money;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.payments.application.Payments;
import eu.rathaus.registers.residents.application.MoveDesk;
import eu.rathaus.web.session.LocaleSelection;
import eu.rathaus.web.session.SessionUser;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Backing bean of {@code office/case.xhtml}: one case with its answers, files, timeline and notes,
 * and the actions the lifecycle allows now.
 *
 * <p>The version of the case is taken once, when the page is opened, and every action carries it:
 * if a colleague changed the case in between, the action is refused with their name and the page
 * keeps what the clerk typed (nothing lost). A successful action redirects to the page again (the
 * new state, a fresh version, and a reload that does not repeat the action).
 */
@Named
@ViewScoped
public class CaseView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Confirmations the page may show after a redirect (anything else in the address is ignored). */
  private static final Set<String> DONE =
      Set.of(
          "claimed", "reassigned", "review", "requested", "approved", "rejected", "closed", "note");

  @Inject CaseWork work;
  @Inject CaseInbox inbox;
  @Inject SessionUser sessionUser;
  @Inject LocaleSelection localeSelection;
  @Inject TextBlockOptions textBlocks;
  @Inject Payments payments;
  @Inject MoveDesk moveDesk;

  private String id;
  private String done;
  private CaseDetails details;
  private String note;
  private String request;
  private String reasons;
  private String decision = "approve";
  private String colleague;
  private String textBlock;
  private ArrayList<SelectItem> colleagues;

  /** A change of address: what the approval writes into the register; null for other services. */
  private MoveDesk.Review move;

  /**
   * The fee's state as the page shows it, read once per view; null when the application has no fee.
   */
  private PaymentFacts payment;

  private boolean paymentRead;

  /** f:viewAction: reads the case (audited); a foreign, unknown or malformed id is the 404 page. */
  public void init() {
    if (sessionUser.tenantScope().kind() != TenantScope.Kind.STAFF) {
      OfficeTexts.forbidden();
      return;
    }
    UUID caseId;
    try {
      caseId = UUID.fromString(String.valueOf(id));
    } catch (IllegalArgumentException e) {
      OfficeTexts.notFound();
      return;
    }
    inbox.present(sessionUser.getUser().displayName());
    details = work.open(caseId).orElse(null);
    if (details == null) {
      OfficeTexts.notFound();
      return;
    }
    move = moveDesk.review(caseId).orElse(null);
  }

  public String getConfirmation() {
    return done != null && DONE.contains(done) ? OfficeTexts.text("office.done." + done) : null;
  }

  public void claim() throws IOException {
    after(work.claim(details.caseId(), details.version()), "claimed");
  }

  public void startReview() throws IOException {
    after(work.startReview(details.caseId(), details.version()), "review");
  }

  public void reassign() throws IOException {
    after(work.reassign(details.caseId(), details.version(), colleague), "reassigned");
  }

  public void requestInformation() throws IOException {
    after(work.requestInformation(details.caseId(), details.version(), request), "requested");
  }

  public void decide() throws IOException {
    boolean approve = !"reject".equals(decision);
    if (approve && !isCanApprove()) {
      // Forced (the page offers no approval): the service would refuse it, say why at once.
      OfficeTexts.error(OfficeTexts.text("register.move.refused.role"));
      return;
    }
    after(
        approve && move != null
            // A change of address: the decision and the register change in one transaction.
            ? moveDesk.approve(details.caseId(), details.version(), reasons)
            : work.decide(details.caseId(), details.version(), approve, reasons),
        approve ? "approved" : "rejected");
  }

  /**
   * False for a change of address when the caller lacks the role {@code register-clerk}: the page
   * offers no approval then (the service refuses it as well).
   */
  public boolean isCanApprove() {
    return move == null || moveDesk.mayApprove();
  }

  /** The change of address of this case, or null (the page shows the register section then). */
  public MoveDesk.Review getMove() {
    return move;
  }

  /** What keeps the register from being written, as sentences (empty: nothing). */
  public List<String> getMoveProblems() {
    return move == null
        ? List.of()
        : move.check().problems().stream()
            .map(
                p -> OfficeTexts.text("register.move.problem." + p.name().toLowerCase(Locale.ROOT)))
            .toList();
  }

  /**
   * Who moves along: household members as the register names them, or (Anmeldung) the newcomers the
   * approval enters as new persons.
   */
  public List<String> getMoveMovers() {
    if (move == null) {
      return List.of();
    }
    return java.util.stream.Stream.concat(
            move.check().movers().stream().map(m -> m.line()),
            move.check().newcomers().stream()
                .map(n -> OfficeTexts.text("register.move.newcomer", n.line())))
        .toList();
  }

  public String getMovingDate() {
    return move == null ? "" : OfficeTexts.date(move.getMovingDate(), localeSelection.getLocale());
  }

  public void close() throws IOException {
    after(work.close(details.caseId(), details.version()), "closed");
  }

  public void addNote() throws IOException {
    after(work.addNote(details.caseId(), note), "note");
  }

  /** "Übernehmen" of a text block: appends its text to the reasons (works without JavaScript). */
  public void useTextBlock() {
    boolean approve = !"reject".equals(decision);
    textBlocks.forDecision(approve).stream()
        .filter(b -> b.id().equals(textBlock))
        .findFirst()
        .ifPresent(
            b ->
                reasons =
                    reasons == null || reasons.isBlank()
                        ? b.text()
                        : reasons.strip() + "\n\n" + b.text());
  }

  private void after(CaseOutcome outcome, String confirmation) throws IOException {
    if (!outcome.done()) {
      OfficeTexts.error(OfficeTexts.text(outcome.refusalKey(), outcome.arguments()));
      return;
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(
        external.getRequestContextPath()
            + "/office/case.xhtml?id="
            + details.caseId()
            + "&done="
            + confirmation);
  }

  private boolean can(CaseAction action) {
    return details.available().contains(action);
  }

  public boolean isCanClaim() {
    return !details.status().isDecidedOrEnded()
        && !sessionUser.getUser().subject().equals(details.assigneeSubject());
  }

  /** "Bearbeitung beginnen" for a submitted case already assigned to the caller. */
  public boolean isCanStartReview() {
    return can(CaseAction.CLAIM)
        && sessionUser.getUser().subject().equals(details.assigneeSubject());
  }

  public boolean isCanReassign() {
    return !details.status().isDecidedOrEnded();
  }

  public boolean isCanRequestInformation() {
    return can(CaseAction.REQUEST_INFORMATION);
  }

  public boolean isCanDecide() {
    return can(CaseAction.APPROVE) || can(CaseAction.REJECT);
  }

  public boolean isCanClose() {
    return can(CaseAction.CLOSE);
  }

  /**
   * Why the "Bearbeitung" block offers no step of the lifecycle: the case waits for the applicant,
   * or it has ended; null while there is something to do.
   */
  public String getActionsNote() {
    if (details.status() == CaseStatus.WAITING_FOR_CITIZEN) {
      return OfficeTexts.text("office.case.waiting");
    }
    if (details.status().isDecidedOrEnded() && !isCanClose()) {
      return OfficeTexts.text("office.case.finished");
    }
    return null;
  }

  /** Colleagues to assign to, read once per view (the select and its "rendered" check both ask). */
  public List<SelectItem> getColleagues() {
    if (colleagues == null) {
      colleagues =
          new ArrayList<>(
              inbox.colleagues().stream()
                  .filter(c -> !c.subject().equals(details.assigneeSubject()))
                  .map(c -> new SelectItem(c.subject(), c.name()))
                  .toList());
    }
    return colleagues;
  }

  public List<SelectItem> getTextBlockOptions() {
    List<SelectItem> items = new ArrayList<>();
    for (boolean approve : new boolean[] {true, false}) {
      textBlocks.forDecision(approve).forEach(b -> items.add(new SelectItem(b.id(), b.title())));
    }
    return items;
  }

  public String getReference() {
    return details.reference();
  }

  public String getService() {
    return details.serviceTitle().in(localeSelection.getLocale());
  }

  public String getApplicant() {
    return details.applicantName() == null ? "–" : details.applicantName();
  }

  public String getSubmitted() {
    return OfficeTexts.time(details.submittedAt(), localeSelection.getLocale());
  }

  public String getStatus() {
    return OfficeTexts.text(details.status().messageKey());
  }

  public String getDue() {
    return OfficeTexts.date(details.dueDate(), localeSelection.getLocale());
  }

  public boolean isOverdue() {
    return details.overdue();
  }

  public String getAssignee() {
    return details.assigneeName();
  }

  public String getDecisionReasons() {
    return details.decisionReasons();
  }

  public long getVersion() {
    return details.version();
  }

  public List<AttachmentSummary> getAttachments() {
    return details.attachments();
  }

  /** The answers step by step, with the labels of the exact version the citizen answered. */
  public List<AnswerStep> getAnswers() {
    FormDefinition form = details.form();
    if (form == null) {
      return List.of();
    }
    Map<String, String> fileNames =
        details.attachments().stream()
            .collect(
                Collectors.toMap(
                    a -> a.id().toString(), AttachmentSummary::displayName, (a, b) -> a));
    AnswerSheet.Words words =
        new AnswerSheet.Words(
            OfficeTexts.text("application.yes"),
            OfficeTexts.text("application.no"),
            OfficeTexts.text("application.review.empty"));
    // A file no longer listed still shows as its id, so the clerk sees that something was handed
    // in.
    return AnswerSheet.of(
            form,
            read(details.answersJson()),
            localeSelection.getLocale(),
            words,
            id -> Optional.of(fileNames.getOrDefault(id, id)))
        .stream()
        .map(
            step ->
                new AnswerStep(
                    step.title(),
                    step.rows().stream().map(row -> new Answer(row.label(), row.value())).toList()))
        .toList();
  }

  public List<TimelineRow> getTimeline() {
    Locale locale = localeSelection.getLocale();
    List<TimelineRow> rows = new ArrayList<>();
    rows.add(
        new TimelineRow(
            OfficeTexts.time(details.submittedAt(), locale),
            getApplicant(),
            OfficeTexts.text("case.event.SUBMITTED"),
            "",
            null,
            true));
    for (CaseDetails.TimelineEntry e : details.timeline()) {
      String change =
          e.to() == null
              ? ""
              : (e.from() == null ? "" : OfficeTexts.text(e.from().messageKey()) + " → ")
                  + OfficeTexts.text(e.to().messageKey());
      rows.add(
          new TimelineRow(
              OfficeTexts.time(e.at(), locale),
              e.actorName(),
              OfficeTexts.text(e.kind().messageKey()),
              change,
              e.detail(),
              e.citizenVisible()));
    }
    return rows;
  }

  public List<NoteRow> getNotes() {
    Locale locale = localeSelection.getLocale();
    return details.notes().stream()
        .map(n -> new NoteRow(OfficeTexts.time(n.at(), locale), n.authorName(), n.text()))
        .toList();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json == null ? "{}" : json);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  /** The case's id for the mailbox thread fragment (a {@link UUID}). */
  public UUID getCaseId() {
    return details == null ? null : details.caseId();
  }

  /** The fee of the application (amount, Kassenzeichen, state), or null when there is none. */
  public PaymentFacts getPayment() {
    if (!paymentRead && details != null) {
      paymentRead = true;
      Locale locale = localeSelection.getLocale();
      payment =
          payments
              .forApplication(details.applicationId())
              .map(
                  p ->
                      new PaymentFacts(
                          Money.euroCents(p.getAmountCents()).format(locale),
                          p.getPrintedReference(),
                          OfficeTexts.text("payment.state." + p.getStateName()),
                          p.getMethod() == null
                              ? null
                              : OfficeTexts.text(
                                  "office.case.payment.method." + p.getMethod().name()),
                          p.getPaidAt() == null ? null : OfficeTexts.time(p.getPaidAt(), locale),
                          !payments.decisionAllowed(details.applicationId())))
              .orElse(null);
    }
    return payment;
  }

  /** The fee as the case page shows it. */
  public record PaymentFacts(
      String amount,
      String reference,
      String state,
      String method,
      String paidAt,
      boolean approvalBlocked)
      implements Serializable {
    public String getAmount() {
      return amount;
    }

    public String getReference() {
      return reference;
    }

    public String getState() {
      return state;
    }

    public String getMethod() {
      return method;
    }

    public String getPaidAt() {
      return paidAt;
    }

    public boolean isApprovalBlocked() {
      return approvalBlocked;
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getRequest() {
    return request;
  }

  public void setRequest(String request) {
    this.request = request;
  }

  public String getReasons() {
    return reasons;
  }

  public void setReasons(String reasons) {
    this.reasons = reasons;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getColleague() {
    return colleague;
  }

  public void setColleague(String colleague) {
    this.colleague = colleague;
  }

  public String getTextBlock() {
    return textBlock;
  }

  public void setTextBlock(String textBlock) {
    this.textBlock = textBlock;
  }

  /** A step of the answers. */
  public record AnswerStep(String title, List<Answer> answers) implements Serializable {
    public String getTitle() {
      return title;
    }

    public List<Answer> getAnswers() {
      return answers;
    }
  }

  /** One answer: the field's label and the value as the citizen reads it. */
  public record Answer(String label, String value) implements Serializable {
    public String getLabel() {
      return label;
    }

    public String getValue() {
      return value;
    }
  }

  /** One line of the timeline. */
  public record TimelineRow(
      String time, String actor, String what, String change, String detail, boolean citizenVisible)
      implements Serializable {
    public String getTime() {
      return time;
    }

    public String getActor() {
      return actor;
    }

    public String getWhat() {
      return what;
    }

    public String getChange() {
      return change;
    }

    public String getDetail() {
      return detail;
    }

    public boolean isCitizenVisible() {
      return citizenVisible;
    }
  }

  /** An internal note. */
  public record NoteRow(String time, String author, String text) implements Serializable {
    public String getTime() {
      return time;
    }

    public String getAuthor() {
      return author;
    }

    public String getText() {
      return text;
    }
  }
}
