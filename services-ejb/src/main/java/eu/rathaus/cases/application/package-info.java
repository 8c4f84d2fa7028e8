/** Back-office use cases: the inbox of a municipality and the work on one case. */
package eu.rathaus.cases.application;
