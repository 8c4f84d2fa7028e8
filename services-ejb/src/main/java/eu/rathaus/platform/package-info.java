/** Cross-cutting platform plumbing: schema bootstrap, health. */
package eu.rathaus.platform;
