/** Append-only, hash-chained audit log: the pure rules (hashing, verification). */
package eu.rathaus.audit.domain;
