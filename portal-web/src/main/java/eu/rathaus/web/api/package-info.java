/** REST API (JAX-RS), version 1. */
package eu.rathaus.web.api;
