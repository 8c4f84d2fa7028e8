/** The attachment download servlet (owner/staff scoped; uploads happen in the application form). */
package eu.rathaus.web.attachments;
