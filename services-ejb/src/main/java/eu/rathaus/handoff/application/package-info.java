/**
 * The hand-off's use cases: the municipal admin sets a service's destination ({@link
 * eu.rathaus.handoff.application.HandoffDestinations}), a submission to such a service is sealed
 * and queued in its own transaction ({@link eu.rathaus.handoff.application.HandoffQueue}), and the
 * destination pulls and reports back ({@link eu.rathaus.handoff.application.Subscriber}).
 */
package eu.rathaus.handoff.application;
