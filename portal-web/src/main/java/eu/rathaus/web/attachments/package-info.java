/** The stepping-stone upload page and the attachment download servlet (issue 4). */
package eu.rathaus.web.attachments;
