/**
 * The export, import and erasure over JDBC (a superuser or BYPASSRLS connection, run by {@code
 * ./rathaus export-municipality} and its siblings), the archive's cryptography (JWS/JWE with
 * nimbus-jose-jwt, chunked AES-GCM for the payload) and the schema catalogue they read.
 */
package eu.rathaus.portability.infrastructure;
