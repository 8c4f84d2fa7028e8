/** The secure mailbox pages: the citizen's threads, the office's threads, failed notifications. */
package eu.rathaus.web.mailbox;
