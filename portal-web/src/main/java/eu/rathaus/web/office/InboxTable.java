package eu.rathaus.web.office;

import eu.rathaus.cases.application.CaseInbox;
import eu.rathaus.cases.application.InboxPage;
import eu.rathaus.cases.application.InboxQuery;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * Holds the Posteingang's table model for the life of one inbox view, so the paginator's AJAX
 * requests find the keyset cursors of the pages already reached ({@link InboxLazyModel}). It is
 * started by {@link InboxView#load()} on every GET of the inbox, with that request's filters.
 */
@Named
@ViewScoped
public class InboxTable implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseInbox inbox;

  private InboxLazyModel model;
  private int rows = InboxView.PAGE_SIZE;
  private boolean empty = true;

  void start(InboxQuery query, InboxPage first, Long exactCount, Locale locale) {
    CaseInbox source = inbox;
    rows = query.pageSize();
    empty = first.rows().isEmpty();
    model = new InboxLazyModel(query, first, exactCount, locale, source::page);
  }

  public InboxLazyModel getModel() {
    return model;
  }

  /**
   * Whether the inbox had no case when the view was rendered (decides on the table's form, also on
   * postbacks).
   */
  public boolean isNoCases() {
    return empty;
  }

  public int getRows() {
    return rows;
  }
}
