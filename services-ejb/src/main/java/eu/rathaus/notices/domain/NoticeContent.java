package eu.rathaus.notices.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a notice (Bescheid) says, gathered before it is rendered: sender, addressee, the case
 * it decides, the decision with its reasons, the legal remedy instruction and who signs it.
 *
 * @param signatory the deciding clerk's name for "Im Auftrag"; may be blank when unknown
 */
public record NoticeContent(
    Letterhead letterhead,
    Applicant applicant,
    String reference,
    String serviceTitle,
    Instant submittedAt,
    LocalDate issuedOn,
    boolean approved,
    String reasons,
    String legalRemedy,
    String signatory) {

  public NoticeContent {
    Objects.requireNonNull(letterhead, "letterhead");
    Objects.requireNonNull(applicant, "applicant");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(serviceTitle, "serviceTitle");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(reasons, "reasons");
    Objects.requireNonNull(legalRemedy, "legalRemedy");
    signatory = signatory == null ? "" : signatory.strip();
  }

  /** The addressee: name (may be blank when the form asked for none) and postal address lines. */
  public record Applicant(String name, List<String> addressLines) {
    public Applicant {
      name = name == null ? "" : name.strip();
      addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
  }
}
