/** The public start page. */
package eu.rathaus.web.home;
