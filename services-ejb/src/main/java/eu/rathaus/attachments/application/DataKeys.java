package eu.rathaus.attachments.application;

import eu.rathaus.attachments.infrastructure.DataKeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Lets a use case make sure its municipality's data key exists before it starts sealing files. The
 * key is created on first use in a transaction of its own that appends to the audit chain; a use
 * case that already wrote to the same chain (and so holds its head row) must not trigger that
 * half-way, or the two transactions wait for each other.
 */
@ApplicationScoped
public class DataKeys {

  @Inject DataKeyRing keyRing;

  public void ensure(UUID municipalityId) {
    keyRing.current(municipalityId);
  }
}
