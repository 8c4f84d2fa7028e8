/**
 * What the operator sees of the running portal (issue 12): Prometheus metrics with the business
 * figures ({@link eu.rathaus.web.operations.BusinessMetrics}, served by {@link
 * eu.rathaus.web.operations.MetricsServlet}) and the request id on every log line ({@link
 * eu.rathaus.web.operations.RequestIdFilter}).
 */
package eu.rathaus.web.operations;
