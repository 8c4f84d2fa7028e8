/**
 * Retention and erasure (issue 15): the erasure engine and its scheduled job, the dry run the
 * municipal admin sees, per-service retention settings, the legal hold on a case and erasure on an
 * approved Art. 17 request.
 */
package eu.rathaus.retention.application;
