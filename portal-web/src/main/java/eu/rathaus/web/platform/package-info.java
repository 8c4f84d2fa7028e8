/** Web plumbing: security headers, readiness gate. */
package eu.rathaus.web.platform;
