package eu.rathaus.tenancy.application;

import eu.rathaus.audit.application.AuditLog;
import eu.rathaus.audit.domain.AuditEvent;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScoped;
import eu.rathaus.tenancy.domain.Municipality;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A municipality's video in Deutsche Gebärdensprache with its WebVTT captions (issue 17, BITV 2.0
 * section 4), kept on its profile (V26). The municipal admin stores or removes the own
 * municipality's (staff scope; row-level security checks the same), audited as {@code
 * municipality.settings-changed}; everyone may watch it on the public sign-language page.
 */
@ApplicationScoped
public class SignLanguageVideos {

  /** Field names of problems with the two files. */
  public static final String VIDEO = "signVideo";

  public static final String CAPTIONS = "signCaptions";

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @Inject CallerScope caller;
  @Inject AuditLog audit;

  /** A stored video: its media type and bytes. */
  public record Video(String mediaType, byte[] content) {}

  /**
   * Checks both files ({@link SignVideoCheck}) and stores them for the own municipality; returns
   * the problem and stores nothing if there is one.
   */
  @Transactional
  @TenantScoped
  public List<FieldProblem> store(byte[] video, byte[] captions, String actor) {
    Municipality m = own();
    SignVideoCheck.Result result = SignVideoCheck.check(video, captions);
    if (!result.accepted()) {
      return List.of(
          FieldProblem.of(
              result.field(),
              result.problemKey(),
              VIDEO.equals(result.field())
                  ? SignVideoCheck.MAX_VIDEO_BYTES / (1024 * 1024)
                  : SignVideoCheck.MAX_CAPTION_BYTES / 1024));
    }
    em.createNativeQuery(
            "insert into municipality_profile (municipality_id, sign_video, sign_video_type,"
                + " sign_captions) values (?1, ?2, ?3, ?4) on conflict (municipality_id) do update"
                + " set sign_video = excluded.sign_video, sign_video_type ="
                + " excluded.sign_video_type, sign_captions = excluded.sign_captions,"
                + " updated_at = now(), version = municipality_profile.version + 1")
        .setParameter(1, m.id())
        .setParameter(2, video)
        .setParameter(3, result.mediaType())
        .setParameter(4, result.captions())
        .executeUpdate();
    changed(actor, m, "sign-language video");
    return List.of();
  }

  /** Removes the own municipality's video and captions (audited). */
  @Transactional
  @TenantScoped
  public void remove(String actor) {
    Municipality m = own();
    int rows =
        em.createNativeQuery(
                "update municipality_profile set sign_video = null, sign_video_type = null,"
                    + " sign_captions = null, updated_at = now(), version = version + 1"
                    + " where municipality_id = ?1 and sign_video is not null")
            .setParameter(1, m.id())
            .executeUpdate();
    if (rows > 0) {
      changed(actor, m, "sign-language video removed");
    }
  }

  /** Whether the own municipality has a video (for the settings page). */
  @Transactional
  @TenantScoped
  public boolean ownStored() {
    return has(own().id());
  }

  /** Public: whether the municipality has a video. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean has(UUID municipalityId) {
    // Captions exist exactly when a video does (V26's constraint), and are the smaller column.
    return captions(municipalityId).isPresent();
  }

  /** Public: the municipality's video. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Video> video(UUID municipalityId) {
    return stored(municipalityId, "sign_video_type, sign_video")
        .map(r -> (Object[]) r)
        .map(r -> new Video((String) r[0], (byte[]) r[1]));
  }

  /** Public: the captions of the municipality's video (WebVTT). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> captions(UUID municipalityId) {
    return stored(municipalityId, "sign_captions").map(String.class::cast);
  }

  /** The given columns (constants of this class, never input) of a stored video's row. */
  private Optional<Object> stored(UUID municipalityId, String columns) {
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + columns
                    + " from municipality_profile where municipality_id = ?1"
                    + " and sign_video is not null")
            .setParameter(1, municipalityId)
            .getResultList();
    return rows.stream().findFirst().map(Object.class::cast);
  }

  private void changed(String actor, Municipality m, String what) {
    audit.record(
        new AuditEvent(
            actor, "municipality.settings-changed", "municipality", m.slug(), m.id(), what));
  }

  private Municipality own() {
    return MunicipalitySettings.own(em, caller);
  }
}
