/** The statistics dashboard's use case: {@link eu.rathaus.statistics.application.Statistics}. */
package eu.rathaus.statistics.application;
