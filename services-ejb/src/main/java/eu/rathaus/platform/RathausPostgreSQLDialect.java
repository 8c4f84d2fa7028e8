package eu.rathaus.platform;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLCastingJsonJdbcType;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;

/**
 * PostgreSQL as Hibernate knows it, except for how {@code jsonb} values are bound.
 *
 * <p>Why: the stock dialect binds JSON through the driver's {@code org.postgresql.util.PGobject}
 * whenever the class is visible to the deployment — and it is, because the WAR depends on the
 * {@code org.postgresql} module for Flyway. But the binder class lives in WildFly's
 * {@code org.hibernate} module, which cannot see the driver, so the first write of a {@code jsonb}
 * column (catalogue forms and fee rules, V3) fails with {@code NoClassDefFoundError: PGobject}.
 * The casting variant binds the JSON as text with {@code cast(? as jsonb)}: same column type, same
 * schema validation, no driver class needed.
 */
public class RathausPostgreSQLDialect extends PostgreSQLDialect {

  @Override
  public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
    super.contributeTypes(typeContributions, serviceRegistry);
    typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(PostgreSQLCastingJsonJdbcType.JSONB_INSTANCE);
  }
}
