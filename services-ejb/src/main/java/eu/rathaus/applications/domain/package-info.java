/** Citizens' applications: for now only what the catalogue groundwork needs (reference numbers). */
package eu.rathaus.applications.domain;
