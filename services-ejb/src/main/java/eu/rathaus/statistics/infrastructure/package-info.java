/**
 * The dashboard's SQL ({@link eu.rathaus.statistics.infrastructure.StatisticsSql}), shared with the
 * inbox benchmark so the measured queries are the served ones.
 */
package eu.rathaus.statistics.infrastructure;
