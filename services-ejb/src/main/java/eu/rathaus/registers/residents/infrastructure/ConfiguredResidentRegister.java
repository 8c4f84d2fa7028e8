package eu.rathaus.registers.residents.infrastructure;

import eu.rathaus.platform.ResidencyPolicy;
import eu.rathaus.platform.Settings;
import eu.rathaus.registers.residents.domain.HouseholdMember;
import eu.rathaus.registers.residents.domain.RegisterUnavailable;
import eu.rathaus.registers.residents.domain.Resident;
import eu.rathaus.registers.residents.domain.ResidentRegister;
import eu.rathaus.registers.residents.domain.ResidentSummary;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link ResidentRegister} the portal uses: the external register service when the installation
 * names one ({@value RegisterServiceSettings#URL}, see {@link RegisterServiceSettings}), the
 * built-in PostgreSQL register otherwise. The settings are read at every call (a changed setting
 * needs no restart; the HTTP adapter and its token are kept while they stay the same). A service
 * outside the residency policy ({@value ResidencyPolicy#KEY}) is never called: every read fails
 * with {@link RegisterUnavailable} (the production start refuses it before, through the outbound
 * endpoints). Wrong settings fail the same way, never by falling back to the built-in register
 * silently.
 */
@ApplicationScoped
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 10)
public class ConfiguredResidentRegister implements ResidentRegister {

  private static final Logger LOG = Logger.getLogger(ConfiguredResidentRegister.class.getName());

  @Inject PostgresResidentRegister builtIn;

  private volatile HttpResidentRegister external;

  @Override
  public List<ResidentSummary> search(UUID municipality, String query, int limit) {
    return current().search(municipality, query, limit);
  }

  @Override
  public Optional<Resident> find(UUID municipality, UUID id) {
    return current().find(municipality, id);
  }

  @Override
  public Optional<Resident> findOwn(UUID municipality, String eidPseudonym) {
    return current().findOwn(municipality, eidPseudonym);
  }

  @Override
  public List<HouseholdMember> ownHousehold(UUID municipality, String eidPseudonym) {
    return current().ownHousehold(municipality, eidPseudonym);
  }

  @Override
  public Optional<Resident> findLinked(UUID municipality, String eidPseudonym) {
    return current().findLinked(municipality, eidPseudonym);
  }

  @Override
  public void move(
      UUID municipality,
      UUID resident,
      eu.rathaus.registers.residents.domain.MoveRequest.NewAddress address,
      LocalDate movingDate) {
    current().move(municipality, resident, address, movingDate);
  }

  @Override
  public UUID register(
      UUID municipality,
      String givenNames,
      String familyName,
      LocalDate birthDate,
      String eidPseudonym,
      eu.rathaus.registers.residents.domain.MoveRequest.NewAddress address,
      LocalDate movingDate) {
    return current()
        .register(
            municipality, givenNames, familyName, birthDate, eidPseudonym, address, movingDate);
  }

  @Override
  public void recordPreviousAddress(
      UUID municipality,
      UUID resident,
      eu.rathaus.registers.residents.domain.MoveRequest.NewAddress address,
      LocalDate until) {
    current().recordPreviousAddress(municipality, resident, address, until);
  }

  @Override
  public void joinHousehold(UUID municipality, List<UUID> residents) {
    current().joinHousehold(municipality, residents);
  }

  /** True if an external register service is configured. */
  public boolean external() {
    return Settings.value(RegisterServiceSettings.URL).isPresent();
  }

  ResidentRegister current() {
    Optional<RegisterServiceSettings> settings;
    try {
      settings = RegisterServiceSettings.from(Settings::value);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Resident register service misconfigured: {0}", e.getMessage());
      throw new RegisterUnavailable(RegisterUnavailable.Cause.ERROR_ANSWER, e.getMessage());
    }
    if (settings.isEmpty()) {
      return builtIn;
    }
    if (!settings.get().withinResidency(Settings.value(ResidencyPolicy.KEY))) {
      LOG.log(
          Level.WARNING,
          "Resident register service {0} lies outside {1}: not called",
          new Object[] {settings.get().baseUrl().getHost(), ResidencyPolicy.KEY});
      throw new RegisterUnavailable(
          RegisterUnavailable.Cause.OUTSIDE_RESIDENCY,
          settings.get().baseUrl().getHost() + " is outside " + ResidencyPolicy.KEY);
    }
    HttpResidentRegister adapter = external;
    if (adapter == null || !adapter.settings().equals(settings.get())) {
      adapter = new HttpResidentRegister(settings.get());
      external = adapter;
    }
    return adapter;
  }
}
