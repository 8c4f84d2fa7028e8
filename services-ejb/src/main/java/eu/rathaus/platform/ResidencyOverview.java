package eu.rathaus.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the platform admin's residency page shows: the configured policy and region, and every
 * outbound endpoint in use with whether the policy allows it. Read from the same settings the
 * production check reads at start-up, so the page and the refusal can never disagree.
 */
@ApplicationScoped
public class ResidencyOverview {

  /** One outbound endpoint and the policy's verdict on it. */
  public record Row(String purpose, String setting, String host, boolean allowed) {}

  /**
   * @param region the configured region label, empty if none
   * @param policy the policy's entries, empty if no policy is set
   * @param policyProblem why the policy could not be read (or is missing), empty if it is fine
   * @param endpoints every configured outbound endpoint
   */
  public record Report(
      Optional<String> region,
      List<String> policy,
      Optional<String> policyProblem,
      List<Row> endpoints) {

    /** True if a policy is set and every endpoint lies inside it. */
    public boolean compliant() {
      return policyProblem.isEmpty() && endpoints.stream().allMatch(Row::allowed);
    }
  }

  /** The report for this installation's settings. */
  public Report report() {
    return report(Settings::value, ProductionGuard::environment);
  }

  /** The report for the given settings (the same lookups the production check uses). */
  public static Report report(
      Function<String, Optional<String>> config,
      Function<String, Optional<String>> serverEnvironment) {
    Optional<String> value = config.apply(ResidencyPolicy.KEY);
    ResidencyPolicy policy = null;
    Optional<String> problem;
    if (value.isEmpty()) {
      problem = Optional.of(ResidencyPolicy.KEY + " is not set");
    } else {
      try {
        policy = ResidencyPolicy.parse(value.get());
        problem = Optional.empty();
      } catch (IllegalArgumentException e) {
        problem = Optional.of(e.getMessage());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (OutboundEndpoints.Endpoint endpoint :
        OutboundEndpoints.configured(config, serverEnvironment)) {
      rows.add(
          new Row(
              endpoint.purpose(),
              endpoint.setting(),
              endpoint.host(),
              policy != null && policy.allows(endpoint.host())));
    }
    return new Report(
        config.apply(ResidencyPolicy.REGION_KEY),
        policy == null ? List.of() : policy.entries(),
        problem,
        List.copyOf(rows));
  }
}
