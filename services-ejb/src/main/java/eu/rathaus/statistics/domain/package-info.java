/**
 * Statistics for a municipality: the dashboard's figures ({@link
 * eu.rathaus.statistics.domain.Dashboard}), their charts as SVG ({@link
 * eu.rathaus.statistics.domain.SvgBarChart}) and CSV ({@link
 * eu.rathaus.statistics.domain.StatisticsCsv}). Pure, no persistence.
 */
package eu.rathaus.statistics.domain;
