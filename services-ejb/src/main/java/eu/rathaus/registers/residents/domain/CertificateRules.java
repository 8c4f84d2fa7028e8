package eu.rathaus.registers.residents.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a certificate of residence is issued at once, without a clerk, and what it states. Issued
 * only for the citizen herself, signed in at level substantial or higher, once the fee is settled
 * (or there is none), from her own record with a current main residence and without a blocking note
 * in effect; in every other case the request stays with the register clerks (or waits for the fee),
 * and the citizen is told why.
 */
public final class CertificateRules {

  private CertificateRules() {}

  /** What becomes of a request. */
  public enum Decision {
    /** Issue the certificate now. */
    ISSUE,
    /** The eID level is below substantial: no self-service at all. */
    LEVEL_TOO_LOW,
    /** The fee is not paid yet: issue once it is. */
    FEE_OPEN,
    /** The form asked for a kind of certificate the rules do not know. */
    UNKNOWN_KIND,
    /** No record linked to her eID in this municipality: a clerk checks (e.g. a recent move). */
    TO_CLERK_NOT_IN_REGISTER,
    /** A record without a current main residence (moved away): a clerk decides. */
    TO_CLERK_NO_RESIDENCE,
    /** A blocking note is in effect: never automatically, a clerk decides. */
    TO_CLERK_BLOCKED;

    public boolean goesToClerk() {
      return name().startsWith("TO_CLERK");
    }
  }

  /**
   * @param levelSubstantial the citizen signed in at level substantial or high
   * @param feeSettled the fee is paid (or refunded after payment) or there is none
   * @param kind the requested kind, empty if unknown
   * @param own her own record, empty if none is linked to her eID
   * @param today the day of the decision (Europe/Berlin)
   */
  public static Decision decide(
      boolean levelSubstantial,
      boolean feeSettled,
      Optional<CertificateKind> kind,
      Optional<Resident> own,
      LocalDate today) {
    if (!levelSubstantial) {
      return Decision.LEVEL_TOO_LOW;
    }
    if (kind.isEmpty()) {
      return Decision.UNKNOWN_KIND;
    }
    if (own.isEmpty()) {
      return Decision.TO_CLERK_NOT_IN_REGISTER;
    }
    if (own.get().isBlockedOn(today)) {
      return Decision.TO_CLERK_BLOCKED;
    }
    if (own.get().mainResidence().isEmpty()) {
      return Decision.TO_CLERK_NO_RESIDENCE;
    }
    if (!feeSettled) {
      return Decision.FEE_OPEN;
    }
    return Decision.ISSUE;
  }

  /** One labelled line of a certificate: a message key and the value printed next to it. */
  public record Line(String labelKey, String value) {}

  /**
   * The lines a certificate of that kind states about the resident, in print order. Dates as ISO
   * text; the renderer formats them.
   */
  public static List<Line> contents(CertificateKind kind, Resident resident) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("certificate.familyName", resident.familyName()));
    lines.add(new Line("certificate.givenNames", resident.givenNames()));
    if (kind == CertificateKind.EXTENDED && resident.birthName() != null) {
      lines.add(new Line("certificate.birthName", resident.birthName()));
    }
    lines.add(new Line("certificate.birthDate", resident.birthDate().toString()));
    if (kind == CertificateKind.EXTENDED) {
      if (resident.birthPlace() != null) {
        lines.add(new Line("certificate.birthPlace", resident.birthPlace()));
      }
      lines.add(new Line("certificate.nationality", resident.nationality()));
    }
    resident
        .mainResidence()
        .ifPresent(
            a -> {
              lines.add(
                  new Line("certificate.mainResidence", a.streetLine() + ", " + a.townLine()));
              lines.add(new Line("certificate.movedIn", a.movedIn().toString()));
            });
    for (Address a : resident.secondaryResidences()) {
      lines.add(new Line("certificate.secondaryResidence", a.streetLine() + ", " + a.townLine()));
    }
    if (kind == CertificateKind.EXTENDED) {
      for (Address a : resident.pastAddresses()) {
        lines.add(
            new Line(
                "certificate.pastAddress",
                a.streetLine()
                    + ", "
                    + a.townLine()
                    + " ("
                    + (a.movedIn() == null ? "" : a.movedIn() + " ")
                    + "– "
                    + a.movedOut()
                    + ")"));
      }
    }
    return lines;
  }
}
