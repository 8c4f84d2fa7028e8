/** Attachment use cases: upload (checked, scanned, encrypted, audited) and scoped download. */
package eu.rathaus.attachments.application;
