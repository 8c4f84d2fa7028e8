/**
 * Data protection pages (issue 15): "Meine Daten" and the download of everything stored about the
 * signed-in citizen ({@link eu.rathaus.web.privacy.MyDataServlet}).
 */
package eu.rathaus.web.privacy;
