package eu.rathaus.web.municipal;

import eu.rathaus.catalogue.application.ServiceAdministration;
import eu.rathaus.catalogue.domain.LocalizedText;
import java.io.Serializable;

/**
 * The builder's "Beschreibung im Katalog" inputs: a service's category, title and description as
 * typed. An English text left empty is stored as none (the German one is shown instead).
 */
public class ServiceTextsInput implements Serializable {

  private static final long serialVersionUID = 1L;

  private String category;
  private String titleDe;
  private String titleEn;
  private String descriptionDe;
  private String descriptionEn;

  static ServiceTextsInput of(ServiceAdministration.Texts texts) {
    ServiceTextsInput in = new ServiceTextsInput();
    in.category = texts.category();
    in.titleDe = texts.title().de();
    in.titleEn = texts.title().en();
    in.descriptionDe = texts.description().de();
    in.descriptionEn = texts.description().en();
    return in;
  }

  String trimmedCategory() {
    return category == null ? "" : category.strip();
  }

  LocalizedText title() {
    return localized(titleDe, titleEn);
  }

  LocalizedText description() {
    return localized(descriptionDe, descriptionEn);
  }

  private static LocalizedText localized(String de, String en) {
    return new LocalizedText(
        de == null ? "" : de.strip(), en == null || en.isBlank() ? null : en.strip());
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getTitleDe() {
    return titleDe;
  }

  public void setTitleDe(String titleDe) {
    this.titleDe = titleDe;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String titleEn) {
    this.titleEn = titleEn;
  }

  public String getDescriptionDe() {
    return descriptionDe;
  }

  public void setDescriptionDe(String descriptionDe) {
    this.descriptionDe = descriptionDe;
  }

  public String getDescriptionEn() {
    return descriptionEn;
  }

  public void setDescriptionEn(String descriptionEn) {
    this.descriptionEn = descriptionEn;
  }
}
