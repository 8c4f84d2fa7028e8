package eu.rathaus.web.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * How every page shows a Kassenzeichen (citizens, clerks, treasury alike): in groups of four for
 * reading, each group its own element spaced by CSS ({@code WEB-INF/includes/kassenzeichen.xhtml}),
 * so that copying it yields the reference without spaces, as banking apps want it typed.
 */
@Named("kassenzeichen")
@ApplicationScoped
public class KassenzeichenDisplay {

  /** {@code RF71MUS2026000123} (or its printed form) → {@code [RF71, MUS2, 0260, 0012, 3]}. */
  public List<String> groups(String reference) {
    List<String> groups = new ArrayList<>();
    if (reference == null) {
      return groups;
    }
    String compact = reference.replaceAll("\\s", "");
    for (int i = 0; i < compact.length(); i += 4) {
      groups.add(compact.substring(i, Math.min(compact.length(), i + 4)));
    }
    return groups;
  }
}
