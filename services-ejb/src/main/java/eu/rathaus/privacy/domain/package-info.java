/**
 * Data protection (issue 15): what a citizen's data export holds ({@link
 * eu.rathaus.privacy.domain.ExportSummary}, {@link eu.rathaus.privacy.domain.AccessLogEntry}) and
 * its readable overview ({@link eu.rathaus.privacy.domain.OverviewHtml}).
 */
package eu.rathaus.privacy.domain;
