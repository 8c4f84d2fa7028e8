/**
 * Back-office use cases: the inbox of a municipality and the work on one case; opening a case on
 * submission ({@code CaseOpening}) and the snapshot a decision notice is written from ({@code
 * CaseNoticeFacts}), both implementing other capabilities' ports or observing their events.
 */
package eu.rathaus.cases.application;
