/**
 * The service catalogue: shared templates, a municipality's service definitions, their immutable
 * published versions, and the form model with the rules that check definitions and citizens'
 * answers.
 */
package eu.rathaus.catalogue.domain;
