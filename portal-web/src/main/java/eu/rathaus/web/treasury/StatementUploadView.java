package eu.rathaus.web.treasury;

import eu.rathaus.payments.application.StatementImport;
import eu.rathaus.payments.application.Treasury;
import eu.rathaus.web.treasury.TreasuryLines.ImportLine;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The statement panel of {@code municipal/payments.xhtml}: the camt.053 upload with its summary or
 * refusal, and the latest imports.
 */
@Named
@ViewScoped
public class StatementUploadView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject StatementImport statementImport;
  @Inject Treasury treasury;
  @Inject Event<TreasuryChanged> changed;

  private transient Part statementFile;
  private StatementImport.Result importResult;
  private String importRefusal;
  // Read when first shown and after every change of the page; null = to be read.
  private List<ImportLine> imports;

  void changed(@Observes(notifyObserver = Reception.IF_EXISTS) TreasuryChanged event) {
    imports = null;
  }

  /** Imports the uploaded camt.053 file; the summary or the refusal is shown above the form. */
  public String upload() {
    byte[] content = null;
    if (statementFile != null && statementFile.getSize() > 0) {
      // One byte more than allowed is enough for the import to refuse the file as too large.
      try (InputStream in = statementFile.getInputStream()) {
        content = in.readNBytes(StatementImport.MAX_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    StatementImport.Outcome outcome = statementImport.upload(fileName(statementFile), content);
    importResult = outcome.result();
    importRefusal =
        outcome.isDone()
            ? null
            : TreasuryTexts.text("treasury.import.refused." + outcome.refusal().name());
    changed.fire(new TreasuryChanged());
    return null;
  }

  private static String fileName(Part part) {
    String name = part == null ? null : part.getSubmittedFileName();
    return name == null ? null : name.replaceAll("[\\p{Cntrl}]", "_");
  }

  public List<ImportLine> getImports() {
    if (imports == null) {
      imports = treasury.recentImports().stream().map(ImportLine::new).toList();
    }
    return imports;
  }

  public Part getStatementFile() {
    return statementFile;
  }

  public void setStatementFile(Part statementFile) {
    this.statementFile = statementFile;
  }

  public StatementImport.Result getImportResult() {
    return importResult;
  }

  public String getImportRefusal() {
    return importRefusal;
  }
}
