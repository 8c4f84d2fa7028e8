package eu.rathaus.cases.application;

import eu.rathaus.applications.domain.CaseApplication;
import eu.rathaus.cases.domain.CaseRecord;
import eu.rathaus.cases.domain.CaseRepository;
import eu.rathaus.catalogue.domain.ServiceDefinitionRepository;
import eu.rathaus.notices.domain.NoticeCase;
import eu.rathaus.notices.domain.NoticeCases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The snapshot a decision notice is written from: the case, its application as submitted and the
 * service's title, read in the deciding transaction with the municipality's filter.
 */
@ApplicationScoped
public class CaseNoticeFacts implements NoticeCases {

  @Inject CaseRepository cases;
  @Inject ServiceDefinitionRepository definitions;

  @Override
  public Optional<NoticeCase> find(UUID municipalityId, UUID caseId) {
    Optional<CaseRecord> found =
        caseId == null ? Optional.empty() : cases.find(municipalityId, caseId);
    return found.map(
        c -> {
          CaseApplication application =
              cases.application(municipalityId, c.applicationId()).orElseThrow();
          String title =
              definitions
                  .find(municipalityId, application.definitionId())
                  .map(d -> d.title().in(Locale.forLanguageTag(application.language())))
                  .orElse("");
          return new NoticeCase(
              c.id(),
              c.applicantSubject(),
              application.referenceNumber().format(),
              title,
              application.answersJson(),
              application.submittedAt(),
              application.language());
        });
  }
}
