/** Platform administration pages (onboarding municipalities). */
package eu.rathaus.web.admin;
