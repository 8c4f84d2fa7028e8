package eu.rathaus.web.api;

import eu.rathaus.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The API's rate-limit buckets for this node: shared with every other node through PostgreSQL (the
 * default), or in this node's memory only when {@link #MODE} is {@code local} (one node, or a
 * database that must not be written per request). See {@link RateLimits} for the fallback when the
 * database cannot be asked.
 */
@ApplicationScoped
public class ApiRateLimits {

  /** {@code shared} (default) or {@code local}. */
  static final String MODE = "RATHAUS_API_RATE_LIMIT_BUCKETS";

  @Resource(lookup = "java:jboss/datasources/RathausDS")
  DataSource dataSource;

  private RateLimits limits;

  @PostConstruct
  void init() {
    boolean local =
        "local".equals(Settings.text(MODE, "shared").toLowerCase(Locale.ROOT))
            || dataSource == null;
    limits = local ? new RateLimits() : RateLimits.shared(dataSource);
  }

  RateLimits.Decision take(String key, long perMinute) {
    return limits.take(key, perMinute);
  }

  boolean isShared() {
    return limits.isShared();
  }
}
