/**
 * Attachment plumbing: Tika magic-number detection, the clamd INSTREAM client, AES-GCM, the PKCS#12
 * master key provider, wrapped data keys and the JPA store.
 */
package eu.rathaus.attachments.infrastructure;
