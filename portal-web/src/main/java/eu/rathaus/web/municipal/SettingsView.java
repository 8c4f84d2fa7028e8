package eu.rathaus.web.municipal;

import eu.rathaus.registers.lostproperty.application.ClaimFees;
import eu.rathaus.tenancy.application.FieldProblem;
import eu.rathaus.tenancy.application.LogoCheck;
import eu.rathaus.tenancy.application.MunicipalityReadiness;
import eu.rathaus.tenancy.application.MunicipalitySettings;
import eu.rathaus.tenancy.application.SettingsForm;
import eu.rathaus.tenancy.application.SignLanguageVideos;
import eu.rathaus.tenancy.application.SignVideoCheck;
import eu.rathaus.tenancy.domain.ReadinessItem;
import eu.rathaus.web.session.SessionUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of {@code municipal/settings.xhtml} ("Einstellungen"): the municipality's reference
 * code, payee account, letterhead (and its logo, a form of its own because it is a multipart
 * upload), data protection officer and opening hours, with the readiness list above. Plain posts;
 * {@link MunicipalitySettings} checks everything and stores nothing while a problem remains.
 */
@Named
@ViewScoped
public class SettingsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "settings:";
  private static final String LOGO_FORM = "logo:";
  private static final String SIGN_FORM = "sign:";
  private static final String FEE_FORM = "fee:";

  @Inject MunicipalitySettings settings;
  @Inject MunicipalityReadiness readiness;
  @Inject SessionUser sessionUser;
  @Inject SignLanguageVideos signVideos;
  @Inject ClaimFees claimFees;
  @Inject eu.rathaus.web.session.LocaleSelection locale;

  private SettingsForm form;
  private List<ReadinessItem> missing;
  private transient Part logoFile;
  private transient Part signVideoFile;
  private transient Part signCaptionsFile;
  private boolean signVideoStored;
  private String claimFee;

  @PostConstruct
  void load() {
    form = settings.current();
    missing = List.copyOf(readiness.ofOwnMunicipality());
    signVideoStored = signVideos.ownStored();
    claimFee = euros(claimFees.current());
  }

  /** The fee for handing found items back, in euros as the admin typed it. */
  public String saveClaimFee() {
    java.util.Optional<FieldProblem> problem = claimFees.set(claimFee);
    if (problem.isPresent()) {
      ProblemTexts.error(
          FEE_FORM + "claimFee",
          ProblemTexts.text(problem.get().messageKey(), problem.get().arguments().toArray()));
      return null;
    }
    load();
    ProblemTexts.info(ProblemTexts.text("lostproperty.fee.saved", claimFee));
    return null;
  }

  /** Cents as euros with a decimal comma or point, as the page's language writes them. */
  private String euros(long cents) {
    return String.format(locale.getLocale(), "%.2f", cents / 100.0);
  }

  public String getClaimFee() {
    return claimFee;
  }

  public void setClaimFee(String claimFee) {
    this.claimFee = claimFee;
  }

  public String save() {
    List<FieldProblem> problems = settings.save(form, sessionUser.getUser().subject());
    if (problems.size() == 1 && MunicipalitySettings.CONFLICT.equals(problems.get(0).field())) {
      ProblemTexts.error(null, ProblemTexts.text(problems.get(0).messageKey()));
      load();
      return null;
    }
    if (!problems.isEmpty()) {
      for (FieldProblem p : problems) {
        ProblemTexts.error(
            FORM + p.field(), ProblemTexts.text(p.messageKey(), p.arguments().toArray()));
      }
      ProblemTexts.error(null, ProblemTexts.text("settings.invalid"));
      return null;
    }
    load();
    ProblemTexts.info(
        ProblemTexts.text(missing.isEmpty() ? "settings.saved.ready" : "settings.saved"));
    return null;
  }

  /** Stores the uploaded logo; reads one byte past the limit so an oversize file is refused. */
  public String uploadLogo() {
    byte[] content = read(logoFile, LogoCheck.MAX_BYTES + 1);
    List<FieldProblem> problems = settings.storeLogo(content, sessionUser.getUser().subject());
    if (!problems.isEmpty()) {
      FieldProblem p = problems.get(0);
      ProblemTexts.error(
          LOGO_FORM + "logoFile", ProblemTexts.text(p.messageKey(), p.arguments().toArray()));
      return null;
    }
    load();
    ProblemTexts.info(ProblemTexts.text("settings.logo.saved"));
    return null;
  }

  public String removeLogo() {
    settings.removeLogo(sessionUser.getUser().subject());
    load();
    ProblemTexts.info(ProblemTexts.text("settings.logo.removed"));
    return null;
  }

  /**
   * Stores the uploaded sign-language video with its captions (both required); each is read one
   * byte past its limit so an oversize file is refused.
   */
  public String uploadSignVideo() {
    List<FieldProblem> problems =
        signVideos.store(
            read(signVideoFile, SignVideoCheck.MAX_VIDEO_BYTES + 1),
            read(signCaptionsFile, SignVideoCheck.MAX_CAPTION_BYTES + 1),
            sessionUser.getUser().subject());
    if (!problems.isEmpty()) {
      FieldProblem p = problems.get(0);
      String field =
          SignLanguageVideos.VIDEO.equals(p.field()) ? "signVideoFile" : "signCaptionsFile";
      ProblemTexts.error(
          SIGN_FORM + field, ProblemTexts.text(p.messageKey(), p.arguments().toArray()));
      return null;
    }
    load();
    ProblemTexts.info(ProblemTexts.text("settings.signVideo.saved"));
    return null;
  }

  public String removeSignVideo() {
    signVideos.remove(sessionUser.getUser().subject());
    load();
    ProblemTexts.info(ProblemTexts.text("settings.signVideo.removed"));
    return null;
  }

  /** At most {@code limit} bytes of an uploaded file; none when there is no file. */
  private static byte[] read(Part part, int limit) {
    if (part == null) {
      return new byte[0];
    }
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes(limit);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  public boolean isSignVideoStored() {
    return signVideoStored;
  }

  public Part getSignVideoFile() {
    return signVideoFile;
  }

  public void setSignVideoFile(Part signVideoFile) {
    this.signVideoFile = signVideoFile;
  }

  public Part getSignCaptionsFile() {
    return signCaptionsFile;
  }

  public void setSignCaptionsFile(Part signCaptionsFile) {
    this.signCaptionsFile = signCaptionsFile;
  }

  public Part getLogoFile() {
    return logoFile;
  }

  public void setLogoFile(Part logoFile) {
    this.logoFile = logoFile;
  }

  public SettingsForm getForm() {
    return form;
  }

  public List<ReadinessItem> getMissing() {
    return missing;
  }
}
