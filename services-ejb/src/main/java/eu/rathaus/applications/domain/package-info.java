/** Citizens' applications: drafts pinned to a version, submitted applications, case records, reference numbers. */
package eu.rathaus.applications.domain;
