/**
 * The SQL that reads a citizen's own rows for her export, under her row-level security scope, and
 * writes them as JSON while it reads (nothing held in memory but the current row).
 */
package eu.rathaus.privacy.infrastructure;
