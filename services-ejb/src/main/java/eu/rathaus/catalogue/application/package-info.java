/**
 * Catalogue use cases: browsing and searching published services, adopting templates, drafting,
 * publishing and retiring service versions ({@code ServiceCatalogue}, {@code
 * ServiceAdministration}), the form builder's pure document editor, and the demo catalogue.
 */
package eu.rathaus.catalogue.application;
