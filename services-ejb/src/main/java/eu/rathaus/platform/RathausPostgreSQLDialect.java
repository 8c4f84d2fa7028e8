package eu.rathaus.platform;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLCastingJsonJdbcType;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;

/**
 * PostgreSQL dialect that binds {@code jsonb} columns as text with a cast ({@code cast(? as
 * jsonb)}) instead of through the driver's {@code PGobject}.
 *
 * <p>Why: in WildFly, Hibernate lives in its own module, which cannot see the PostgreSQL driver
 * module; the deployment can. The stock dialect finds {@code PGobject} through the deployment's
 * class loader and picks the PGobject binding, which then fails inside Hibernate's module with
 * {@code NoClassDefFoundError: org/postgresql/util/PGobject} on the first insert of a jsonb column.
 * The casting binding needs no driver class and stores exactly the same value.
 */
public class RathausPostgreSQLDialect extends PostgreSQLDialect {

  @Override
  public void contributeTypes(
      TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
    super.contributeTypes(typeContributions, serviceRegistry);
    typeContributions
        .getTypeConfiguration()
        .getJdbcTypeRegistry()
        .addDescriptor(SqlTypes.JSON, PostgreSQLCastingJsonJdbcType.JSONB_INSTANCE);
  }
}
