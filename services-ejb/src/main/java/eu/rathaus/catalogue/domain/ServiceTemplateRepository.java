package eu.rathaus.catalogue.domain;

import java.util.List;
import java.util.Optional;

/** Stored shared templates. */
public interface ServiceTemplateRepository {

  Optional<ServiceTemplate> findByServiceKey(String serviceKey);

  List<ServiceTemplate> findAll();

  void add(ServiceTemplate template);
}
