package eu.rathaus.registers.residents.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a change of address can be written into the register as asked, and for whom (pure rules,
 * no I/O). The register is written only when nothing is in the way; anything in the way is a {@link
 * Problem} the clerk sees by name, and she rejects or asks the citizen instead.
 *
 * <p>Why always a clerk: the landlord's confirmation (§ 19 BMG) is an upload or a code the portal
 * cannot check against anything, so a person looks at it; the rules here make sure her approval
 * cannot write a register change that does not fit the record.
 */
public final class MoveRules {

  /** What keeps the register from being written. */
  public enum Problem {
    /** The application carries no eID pseudonym (e.g. filed through the API). */
    NO_EID_LINK,
    /** Ummeldung, but no record is linked to the citizen's eID in this municipality. */
    NOT_IN_REGISTER,
    /** Anmeldung, but the citizen already has a main residence in this municipality. */
    ALREADY_REGISTERED,
    /** A blocking note is in effect: the registry office handles the move in person. */
    BLOCKED,
    /** Ummeldung without a current main residence to move out of. */
    NO_CURRENT_ADDRESS,
    /** The new address is incomplete. */
    ADDRESS_INCOMPLETE,
    /** The new address is the current one. */
    SAME_ADDRESS,
    /** No moving date, or not after the moving-in date of the current address. */
    MOVING_DATE,
    /** A line of "who moves along" names nobody of her household in the register. */
    MOVER_NOT_IN_HOUSEHOLD,
    /**
     * Anmeldung: a line of "who moves along" does not name a person (names and birth date), so the
     * person cannot be entered into the register.
     */
    MOVER_UNREADABLE,
    /**
     * Anmeldung: a person named as moving in from elsewhere already lives here (same names and
     * birth date with a current address in the register): the registry office sorts it out.
     */
    MOVER_ALREADY_REGISTERED,
    /** Neither the landlord's confirmation uploaded nor the landlord's code given. */
    NO_LANDLORD_CONFIRMATION
  }

  /**
   * The outcome: the problems (none: the register may be written) and who moves along — household
   * members of the register (Ummeldung) or newcomers not in it yet (Anmeldung from elsewhere).
   */
  public record Check(
      List<Problem> problems,
      List<HouseholdMember> movers,
      List<String> unknown,
      List<Newcomer> newcomers)
      implements Serializable {
    public Check {
      problems = List.copyOf(problems);
      movers = List.copyOf(movers);
      unknown = List.copyOf(unknown);
      newcomers = newcomers == null ? List.of() : List.copyOf(newcomers);
    }

    public Check(List<Problem> problems, List<HouseholdMember> movers, List<String> unknown) {
      this(problems, movers, unknown, List.of());
    }

    /** The same check with one more problem. */
    public Check with(Problem problem) {
      List<Problem> more = new ArrayList<>(problems);
      more.add(problem);
      return new Check(more, movers, unknown, newcomers);
    }

    public boolean writable() {
      return problems.isEmpty();
    }

    public List<Problem> getProblems() {
      return problems;
    }

    public List<HouseholdMember> getMovers() {
      return movers;
    }

    public List<String> getUnknown() {
      return unknown;
    }
  }

  private MoveRules() {}

  /**
   * @param linked whether the application carries the citizen's eID pseudonym
   * @param record her record in the municipality's register (with household), if any
   * @param today the day of the check (a blocking note in effect on it)
   */
  public static Check check(
      MoveRequest request, boolean linked, Optional<Resident> record, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    List<HouseholdMember> movers = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    if (!linked) {
      problems.add(Problem.NO_EID_LINK);
    }
    Optional<Address> current = record.flatMap(Resident::mainResidence);
    if (request.kind() == MoveRequest.Kind.WITHIN) {
      if (linked && record.isEmpty()) {
        problems.add(Problem.NOT_IN_REGISTER);
      } else if (record.isPresent() && current.isEmpty()) {
        problems.add(Problem.NO_CURRENT_ADDRESS);
      }
    } else if (current.isPresent()) {
      problems.add(Problem.ALREADY_REGISTERED);
    }
    if (record.isPresent() && record.get().isBlockedOn(today)) {
      problems.add(Problem.BLOCKED);
    }
    if (request.newAddress() == null || !request.newAddress().complete()) {
      problems.add(Problem.ADDRESS_INCOMPLETE);
    } else if (current.isPresent() && request.newAddress().sameAs(current.get())) {
      problems.add(Problem.SAME_ADDRESS);
    }
    if (request.movingDate() == null
        || current.isPresent() && !request.movingDate().isAfter(current.get().movedIn())) {
      problems.add(Problem.MOVING_DATE);
    }
    List<Newcomer> newcomers = new ArrayList<>();
    List<HouseholdMember> household = record.map(Resident::household).orElse(List.of());
    for (String line : request.movers()) {
      if (line == null || line.isBlank()) {
        continue;
      }
      if (request.kind() == MoveRequest.Kind.FROM_ELSEWHERE) {
        // Who moves in with her from elsewhere is not in this register: a new person each.
        Optional<Newcomer> newcomer = Newcomer.parse(line, today);
        if (newcomer.isPresent()) {
          if (!newcomers.contains(newcomer.get())) {
            newcomers.add(newcomer.get());
          }
        } else {
          unknown.add(line.strip());
        }
        continue;
      }
      Optional<HouseholdMember> member = match(line, household);
      if (member.isPresent()) {
        if (!movers.contains(member.get())) {
          movers.add(member.get());
        }
      } else {
        unknown.add(line.strip());
      }
    }
    if (!unknown.isEmpty()) {
      problems.add(
          request.kind() == MoveRequest.Kind.FROM_ELSEWHERE
              ? Problem.MOVER_UNREADABLE
              : Problem.MOVER_NOT_IN_HOUSEHOLD);
    }
    if (!request.landlordDocument() && request.landlordCode() == null) {
      problems.add(Problem.NO_LANDLORD_CONFIRMATION);
    }
    return new Check(problems, movers, unknown, newcomers);
  }

  /**
   * The member a line names: the whole line as the form offered it, or the name alone if only one
   * member has it.
   */
  static Optional<HouseholdMember> match(String line, List<HouseholdMember> household) {
    String given = MoveRequest.norm(line);
    Optional<HouseholdMember> exact =
        household.stream().filter(m -> MoveRequest.norm(m.line()).equals(given)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    List<HouseholdMember> byName =
        household.stream().filter(m -> MoveRequest.norm(m.name()).equals(given)).toList();
    return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
  }
}
