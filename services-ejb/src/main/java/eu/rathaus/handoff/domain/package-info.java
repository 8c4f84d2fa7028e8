/**
 * The hand-off to a specialist procedure (Fachverfahren): a service's destination and its keys
 * ({@link eu.rathaus.handoff.domain.DestinationKeys}), the submission sealed for it as JWE ({@link
 * eu.rathaus.handoff.domain.SubmissionEnvelope}), and the signed status events it sends back
 * ({@link eu.rathaus.handoff.domain.StatusEvent}). All JOSE work is Nimbus JOSE+JWT's.
 */
package eu.rathaus.handoff.domain;
