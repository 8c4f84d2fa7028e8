package eu.rathaus.applications.application;

import java.io.Serializable;
import java.util.Map;

/**
 * What the submission needs to know to enforce a form's prefill (issue 13): the facts the eID
 * asserted at sign-in (read by the web layer from the verified ID token, never from the request)
 * and the citizen's eID pseudonym, which links her to her own register record.
 */
public record PrefillFacts(Map<String, String> eid, String eidPseudonym) implements Serializable {

  public PrefillFacts {
    eid = eid == null ? Map.of() : Map.copyOf(eid);
  }
}
