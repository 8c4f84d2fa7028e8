/**
 * Leave with your data (issue 15): one municipality exported completely into a signed archive that
 * only the target installation can open, imported there, and erased at the source afterwards.
 *
 * <p>A capability of its own rather than a part of {@code tenancy}: it reads and writes every
 * capability's tables (found from the schema, not named one by one) and uses the attachments' key
 * provider and the audit verifier, while those capabilities already use {@code tenancy} — inside
 * {@code tenancy} it would close a cycle. Nothing depends on it.
 */
package eu.rathaus.portability;
