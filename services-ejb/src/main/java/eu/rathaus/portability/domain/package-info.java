/**
 * What a municipality's export consists of: which tables belong to a municipality and how their
 * rows are selected ({@link eu.rathaus.portability.domain.TenantTables}), the archive's manifest
 * and signed statement, and the refusals an import gives.
 */
package eu.rathaus.portability.domain;
