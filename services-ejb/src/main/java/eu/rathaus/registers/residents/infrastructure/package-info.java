/**
 * The built-in adapter of the resident register port: PostgreSQL tables of V50 with row-level
 * security ({@link eu.rathaus.registers.residents.infrastructure.PostgresResidentRegister}).
 */
package eu.rathaus.registers.residents.infrastructure;
