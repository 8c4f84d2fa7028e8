package eu.rathaus.notices.domain;

import java.util.Optional;
import java.util.UUID;

/** Port: the snapshot of a case of the municipality; the case work capability implements it. */
public interface NoticeCases {

  /** Empty for an unknown case and for another municipality's. */
  Optional<NoticeCase> find(UUID municipalityId, UUID caseId);
}
