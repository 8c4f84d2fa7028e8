package eu.rathaus.web.home;

import eu.rathaus.tenancy.application.MunicipalityDirectory;
import eu.rathaus.tenancy.application.MunicipalitySummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/** Backing bean of the start page ({@code index.xhtml}): the searchable list of municipalities. */
@Named
@RequestScoped
public class MunicipalitiesView {

  @Inject MunicipalityDirectory directory;

  private String query;
  private List<MunicipalitySummary> municipalities = List.of();

  public void load() {
    municipalities = directory.search(query);
  }

  public String getResultMessage() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return switch (municipalities.size()) {
      case 0 -> msg.getString("home.results.none");
      case 1 -> msg.getString("home.results.one");
      default -> MessageFormat.format(msg.getString("home.results.many"), municipalities.size());
    };
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<MunicipalitySummary> getMunicipalities() {
    return municipalities;
  }
}
