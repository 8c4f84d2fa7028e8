/**
 * The statistics dashboard ({@code municipal/statistics.xhtml} for a municipality's admin, {@code
 * admin/statistics.xhtml} for the platform) and its CSV download.
 */
package eu.rathaus.web.statistics;
