package eu.rathaus.registers.residents.application;

import eu.rathaus.applications.application.ApplicationSubmitted;
import eu.rathaus.registers.residents.infrastructure.MoveSql;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In the submission's transaction: an application of the change-of-address service records the eID
 * pseudonym that filed it ({@link EidLink}; none when the web layer named none, e.g. through the
 * API — the clerk then sees that the record cannot be found). Other services cost one cached lookup
 * of their definition's key.
 */
@ApplicationScoped
public class MoveSubmissions {

  @Inject MoveSql sql;
  @Inject EidLink eidLink;

  private final Map<UUID, Boolean> moveDefinitions = new ConcurrentHashMap<>();

  void onSubmission(
      @Observes @Priority(ApplicationSubmitted.PAYMENT + 50) ApplicationSubmitted submitted) {
    UUID definition = submitted.application().definitionId();
    Boolean isMove = moveDefinitions.get(definition);
    if (isMove == null) {
      isMove = sql.serviceKey(definition).map(MoveDesk.SERVICE_KEYS::contains).orElse(false);
      moveDefinitions.put(definition, isMove);
    }
    if (isMove) {
      sql.link(
          submitted.application().id(),
          submitted.application().municipalityId(),
          submitted.applicantSubject(),
          eidLink.pseudonym());
    }
  }
}
