/**
 * Citizens' applications: drafts pinned to a version, submitted applications, reference numbers,
 * and the {@link eu.rathaus.applications.domain.CaseStates} port through which "Meine Anträge"
 * reads the case work (implemented there; applications depend on no other capability's case code).
 */
package eu.rathaus.applications.domain;
