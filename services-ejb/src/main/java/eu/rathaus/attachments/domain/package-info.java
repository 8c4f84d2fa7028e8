/**
 * Attachments as the domain sees them: name rules, refusal reasons, the malware scanner and key
 * provider contracts, and the sealed (encrypted) form of a file's bytes.
 */
package eu.rathaus.attachments.domain;
