package eu.rathaus.registers.lostproperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import eu.rathaus.registers.lostproperty.application.LostPropertyOffice;
import eu.rathaus.registers.lostproperty.application.LostPropertyPhotos;
import eu.rathaus.registers.lostproperty.application.LostPropertySearch;
import eu.rathaus.registers.lostproperty.domain.FoundItemInput;
import eu.rathaus.registers.lostproperty.domain.ItemCategory;
import eu.rathaus.registers.lostproperty.domain.ItemPhoto;
import eu.rathaus.registers.lostproperty.domain.PublicFoundItem;
import eu.rathaus.web.it.Deployments;
import eu.rathaus.web.it.ItJourneys;
import eu.rathaus.web.it.ScopedTransactions;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.ServletContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Photos of found items against the real database, scanner and key store: a photo goes through the
 * attachment pipeline and is stored encrypted without its EXIF block (the camera's GPS position);
 * it is private until staff publish it; the public search and {@code /lostproperty/photo} then show
 * it — statelessly, cacheable, with its alt text — and stop as soon as the item is no longer in the
 * office or the photo is hidden; another municipality can neither see nor publish it; a file that
 * is no image is refused with a message. Each test records its own item.
 */
@ExtendWith(ArquillianExtension.class)
class LostPropertyPhotoIT {

  private static final UUID MUSTERSTADT = ItJourneys.MUSTERSTADT;
  private static final UUID BEISPIELHEIM = ItJourneys.BEISPIELHEIM;
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** The test server's HTTP port: 8080 plus the Arquillian port offset of 300. */
  private static final int HTTP_PORT = 8380;

  private static final String GPS_MARK = "GPSLatitude 49/1 27/1 10/1 Rathaus-Testkamera";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(LostPropertyPhotoIT.class);
  }

  @Inject LostPropertyOffice office;
  @Inject LostPropertyPhotos photos;
  @Inject LostPropertySearch search;
  @Inject CallerScope caller;
  @Inject ScopedTransactions transactions;
  @Inject ServletContext servletContext;

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  @AfterEach
  void anonymous() {
    caller.set(null);
  }

  private static String word() {
    return "zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private UUID record(String word) {
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    LostPropertyOffice.Recorded recorded =
        office.record(
            new FoundItemInput(
                ItemCategory.WALLET.key(),
                "Braune Geldbörse " + word,
                "Marktplatz",
                LocalDate.now(ZONE).minusDays(1).toString(),
                "Fundbüro, Zimmer 12",
                "Fiona Finderin",
                "fiona@example.org",
                false));
    assertEquals(List.of(), recorded.problems());
    return recorded.id();
  }

  private List<PublicFoundItem> publicSearch(String word) {
    caller.set(TenantScope.anonymous());
    return search.search(
        MUSTERSTADT, new LostPropertySearch.Criteria(Optional.empty(), null, null, null, word));
  }

  private HttpResponse<byte[]> get(UUID photo, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create(
                "http://127.0.0.1:"
                    + HTTP_PORT
                    + servletContext.getContextPath()
                    + "/lostproperty/photo?id="
                    + photo));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HttpClient.newHttpClient()
        .send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aPhotoIsStoredEncryptedWithoutItsGpsAndIsPrivateUntilStaffPublishIt() throws Exception {
    String word = word();
    UUID item = record(word);
    byte[] jpeg = jpegWithExif();
    assertTrue(latin1(jpeg).contains("Exif") && latin1(jpeg).contains(GPS_MARK));

    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    LostPropertyPhotos.Outcome added =
        photos.add(
            item, "geldboerse.jpg", new ByteArrayInputStream(jpeg), "Braune Geldbörse", false);
    assertTrue(added.isStored(), () -> String.valueOf(added.problem()));
    UUID photo = added.photoId();

    // Stored: the staff copy has no metadata; at rest it is ciphertext.
    byte[] stored = office.photo(photo).orElseThrow().content();
    assertFalse(latin1(stored).contains("Exif"));
    assertFalse(latin1(stored).contains(GPS_MARK));
    assertNotNull(ImageIO.read(new ByteArrayInputStream(stored)));
    byte[] atRest =
        transactions.call(
            TenantScope.staff(MUSTERSTADT, "it-lp-anna"),
            () ->
                (byte[])
                    em.createNativeQuery(
                            "select a.ciphertext from attachment a join found_item_photo p on p.attachment_id = a.id"
                                + " where p.id = ?1")
                        .setParameter(1, photo)
                        .getSingleResult());
    assertFalse(latin1(atRest).contains("JFIF"));
    assertEquals(
        List.of(new ItemPhoto(photo, item, false, "Braune Geldbörse")),
        office.photos(List.of(item)).get(item));

    // Private by default: neither the search nor the public address shows it.
    assertEquals(List.of(), publicSearch(word).get(0).photos());
    assertTrue(search.publicPhoto(photo).isEmpty());
    assertEquals(404, get(photo, null).statusCode());

    // Another municipality can neither publish nor read it.
    caller.set(TenantScope.staff(BEISPIELHEIM, "it-lp-ben"));
    assertFalse(photos.setPublic(photo, true));
    assertTrue(office.photo(photo).isEmpty());

    // Published: in the search with its alt text, and served statelessly and cacheable.
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    assertTrue(photos.setPublic(photo, true));
    PublicFoundItem shown = publicSearch(word).get(0);
    assertEquals(List.of(new ItemPhoto(photo, item, true, "Braune Geldbörse")), shown.photos());
    HttpResponse<byte[]> response = get(photo, null);
    assertEquals(200, response.statusCode());
    assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        response.headers().firstValue("Cache-Control").orElse("").startsWith("public, max-age="));
    assertTrue(response.headers().allValues("Set-Cookie").isEmpty());
    assertFalse(latin1(response.body()).contains(GPS_MARK));
    String etag = response.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, get(photo, etag).statusCode());

    // Hidden again: gone at once.
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    assertTrue(photos.setPublic(photo, false));
    assertEquals(404, get(photo, null).statusCode());
  }

  @Test
  void aPublicPhotoDisappearsWhenTheItemLeavesTheOffice() throws Exception {
    String word = word();
    UUID item = record(word);
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));
    UUID photo =
        photos
            .add(
                item,
                "fund.jpg",
                new ByteArrayInputStream(jpegWithExif()),
                "Geldbörse von vorn",
                true)
            .photoId();
    assertNotNull(photo);
    assertEquals(200, get(photo, null).statusCode());

    transactions.run(
        TenantScope.platform("it"),
        () ->
            em.createNativeQuery("update found_item set status = 'TO_MUNICIPALITY' where id = ?1")
                .setParameter(1, item)
                .executeUpdate());

    assertEquals(404, get(photo, null).statusCode());
    caller.set(TenantScope.anonymous());
    assertTrue(search.publicPhoto(photo).isEmpty());
    // Row-level security says the same to an anonymous query without any condition on the status.
    long visible =
        transactions.call(
            TenantScope.anonymous(),
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from attachment a join found_item_photo p on p.attachment_id = a.id"
                                    + " where p.id = ?1")
                            .setParameter(1, photo)
                            .getSingleResult())
                    .longValue());
    assertEquals(0, visible);
  }

  @Test
  void whatIsNoPhotoOrHasNoDescriptionIsRefusedWithAMessage() {
    UUID item = record(word());
    caller.set(TenantScope.staff(MUSTERSTADT, "it-lp-anna"));

    LostPropertyPhotos.Outcome pdf =
        photos.add(
            item,
            "foto.jpg",
            new ByteArrayInputStream("%PDF-1.7\n%probe\n".getBytes(StandardCharsets.US_ASCII)),
            "Ein Foto",
            true);
    assertNull(pdf.photoId());
    assertEquals(LostPropertyPhotos.FIELD, pdf.problem().field());
    assertEquals("attachment.error.typeMismatch", pdf.problem().messageKey());

    LostPropertyPhotos.Outcome noAlt =
        photos.add(item, "foto.jpg", new ByteArrayInputStream(new byte[] {1}), "  ", false);
    assertEquals(LostPropertyPhotos.ALT_FIELD, noAlt.problem().field());

    LostPropertyPhotos.Outcome foreign =
        photos.add(
            UUID.randomUUID(), "foto.jpg", new ByteArrayInputStream(new byte[] {1}), "x", false);
    assertEquals("lostproperty.photo.problem.item", foreign.problem().messageKey());
    assertEquals(List.of(), office.photos(List.of(item)).getOrDefault(item, List.of()));
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** A small JPEG whose APP1 segment carries an EXIF header and a GPS mark as a camera's would. */
  private static byte[] jpegWithExif() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(120, 70, 30));
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", plain);
    byte[] jpeg = plain.toByteArray();
    byte[] payload = ("Exif\0\0MM\0*\0\0\0\0" + GPS_MARK).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xFF);
    out.write(payload, 0, payload.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
