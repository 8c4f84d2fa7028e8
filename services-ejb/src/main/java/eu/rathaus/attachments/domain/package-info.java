/**
 * Attachments as the domain sees them: name rules, refusal reasons, the malware scanner and key
 * provider contracts, the sealed (encrypted) form of a file's bytes, and the attachment rules a
 * service's form sets (count, size, types).
 */
package eu.rathaus.attachments.domain;
