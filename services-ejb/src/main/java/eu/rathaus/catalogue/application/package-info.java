/** Catalogue use cases: adopting templates, drafting, publishing and retiring service versions. */
package eu.rathaus.catalogue.application;
