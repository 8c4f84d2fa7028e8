package eu.rathaus.payments.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage of imported bank statements, their entries and the clarification list. Every query names
 * the municipality; row-level security checks the same in PostgreSQL.
 */
public interface StatementRepository {

  /** Whether a statement of this account with this id was imported before. */
  boolean existsIdentity(UUID municipalityId, String accountIban, String statementId);

  /** Whether a file with this SHA-256 was imported before. */
  boolean existsFile(UUID municipalityId, String sha256);

  void add(ImportedStatement statement);

  void addEntry(StatementEntry entry);

  void addClarification(Clarification clarification);

  /** The latest imports, newest first. */
  List<ImportedStatement> recent(UUID municipalityId, int limit);

  List<StatementEntry> entries(UUID municipalityId, UUID statementId);

  /** Clarifications with their entries, newest first; only open ones if asked. */
  List<Clarification> clarifications(UUID municipalityId, boolean openOnly);

  Optional<Clarification> clarification(UUID municipalityId, UUID id);

  Optional<StatementEntry> entry(UUID municipalityId, UUID id);

  /** The entry that paid this payment (outcome MATCHED), if it was paid by a booked transfer. */
  Optional<StatementEntry> payingEntry(UUID municipalityId, UUID paymentId);
}
