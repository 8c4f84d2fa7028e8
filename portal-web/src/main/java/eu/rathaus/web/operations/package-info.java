/**
 * What the operator sees of the running portal (issue 12): Prometheus metrics with the business
 * figures ({@link eu.rathaus.web.operations.BusinessMetrics}, served by {@link
 * eu.rathaus.web.operations.MetricsServlet}), the request id and trace ids on every log line of a
 * request and its OpenTelemetry span ({@link eu.rathaus.web.operations.RequestContextHandler}),
 * spans of the calls to Keycloak ({@link eu.rathaus.web.operations.TracedHttp}) and of every SQL
 * statement ({@link eu.rathaus.web.operations.DatabaseTracing}); tracing is on only with an OTLP
 * endpoint ({@link eu.rathaus.web.operations.TelemetryConfigSource}).
 */
package eu.rathaus.web.operations;
