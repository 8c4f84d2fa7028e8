package eu.rathaus.web.registers;

import eu.rathaus.registers.residents.application.RegisterOffice;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentSummary;
import eu.rathaus.web.session.LocaleSelection;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Backing bean of {@code office/register/residents.xhtml}: a register clerk states why she reads
 * the register, searches by name and opens a record. The service audits every search and every
 * opened record with that reason; without one it reads nothing and the page says so next to the
 * field.
 */
@Named
@ViewScoped
public class RegisterOfficeView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Inject RegisterOffice office;
  @Inject LocaleSelection locale;

  private String reason;
  private String query;
  private List<ResidentSummary> hits;
  private Resident opened;
  private String problem;

  public void search() {
    problem = null;
    opened = null;
    try {
      hits = office.search(query, reason);
    } catch (RegisterOffice.ReasonRequired e) {
      hits = null;
      problem = "register.office.reason.required";
    }
  }

  public void open(String id) {
    problem = null;
    Optional<UUID> resident = parse(id);
    try {
      opened = resident.flatMap(r -> office.open(r, reason)).orElse(null);
      if (opened == null) {
        problem = "register.office.notFound";
      }
    } catch (RegisterOffice.ReasonRequired e) {
      opened = null;
      problem = "register.office.reason.required";
    }
  }

  public void close() {
    opened = null;
  }

  private static Optional<UUID> parse(String id) {
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String format(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(locale.getLocale())
            .format(date);
  }

  public boolean isBlockedToday() {
    return opened != null && opened.isBlockedOn(LocalDate.now(ZONE));
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<ResidentSummary> getHits() {
    return hits;
  }

  public Resident getOpened() {
    return opened;
  }

  public String getProblem() {
    return problem;
  }
}
