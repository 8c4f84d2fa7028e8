package eu.rathaus.benchmarks.portal;

import eu.rathaus.benchmarks.drills.FuzzDrill;
import eu.rathaus.benchmarks.drills.FuzzDrill.Outcome;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;

/**
 * The signed-in part of the fuzz drill: garbage into the lost-property form's second step (text,
 * number, date, choice fields, the view state) and into its upload (random bytes, odd names and
 * types, broken multipart bodies), posted with the citizen's real session cookie.
 */
final class FormFuzz implements Supplier<Outcome> {

  private final Citizen citizen;
  private final FuzzDrill fuzz;
  private final Random random;
  private Element form;
  private int used;
  private String draftPage;
  private int draftsStarted;

  FormFuzz(Citizen citizen, FuzzDrill fuzz, long seed) {
    this.citizen = citizen;
    this.fuzz = fuzz;
    this.random = new Random(seed);
  }

  /**
   * The drill's own set-up request, not a fuzz input: the first time the form is opened and its
   * first step answered correctly (this starts one real draft, with the demo answers); later the
   * same draft's step page is opened again for a fresh view state, so the drill's set-up leaves one
   * draft per signed-in fuzzer, not one per re-opening. Each request is tried twice, because the
   * JDK client may reuse a keep-alive connection the server has just closed ("header parser
   * received no bytes").
   */
  private Element openForm() throws Exception {
    if (draftPage != null) {
      try {
        return citizen.formAt(draftPage);
      } catch (java.io.IOException e) {
        return citizen.formAt(draftPage);
      }
    }
    Element opened;
    try {
      opened = citizen.formAfter(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE, 1);
    } catch (java.io.IOException e) {
      opened = citizen.formAfter(PortalBenchmark.MUNICIPALITY, PortalBenchmark.SERVICE, 1);
    }
    draftsStarted++;
    if (opened.baseUri().contains("draft=")) {
      draftPage = opened.baseUri();
    }
    return opened;
  }

  /** How many drafts this fuzzer's set-up started (valid answers of step 1, not fuzz input). */
  synchronized int draftsStarted() {
    return draftsStarted;
  }

  @Override
  public synchronized Outcome get() {
    try {
      if (form == null || used++ % 25 == 0) {
        form = openForm();
      }
    } catch (Exception e) {
      return new Outcome("form-open", 599, "could not open the form: " + e);
    }
    String boundary = "----fuzz" + Long.toHexString(random.nextLong());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element hidden : form.select("input[type=hidden]")) {
      fields.put(
          hidden.attr("name"), random.nextInt(10) == 0 ? fuzz.nasty() : hidden.attr("value"));
    }
    String described = "";
    for (Element input : form.select("input[name^=a.], textarea[name^=a.]")) {
      if (!"file".equals(input.attr("type")) && random.nextBoolean()) {
        String v = fuzz.nasty();
        fields.put(input.attr("name"), v);
        described += input.attr("name") + "=" + FuzzDrill.cut(v) + " ";
      }
    }
    Element upload = form.selectFirst("input.rh-upload");
    boolean uploading = upload != null && random.nextBoolean();
    String button = uploading ? upload.attr("name") : "step:next";
    fields.put(button, "x");
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    Element file = form.selectFirst("input[type=file]");
    if (file != null) {
      byte[] content = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(64 * 1024)];
      random.nextBytes(content);
      if (random.nextInt(4) == 0 && content.length > 8) {
        // a PNG signature in front of garbage: passes a naive magic-number check only
        System.arraycopy(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, content, 0, 8);
      }
      String name = fuzz.nasty().replace("\"", "").replace("\r", "").replace("\n", "");
      String type =
          new String[] {"image/png", "image/jpeg", "application/x-msdownload", fuzz.nasty(), ""}
              [random.nextInt(5)].replace("\r", "")
              .replace("\n", "");
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + file.attr("name")
                  + "\"; filename=\""
                  + name
                  + ".png\"\r\nContent-Type: "
                  + type
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      described += "upload " + content.length + " bytes as " + FuzzDrill.cut(type) + " ";
    }
    boolean broken = random.nextInt(8) == 0;
    if (!broken) {
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    byte[] bytes = body.toByteArray();
    if (broken && bytes.length > 10) {
      bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      described += "(multipart body cut off) ";
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cookie", citizen.cookieHeader());
    headers.put(
        "Content-Type",
        "multipart/form-data; boundary=" + (random.nextInt(20) == 0 ? "wrong" : boundary));
    String target = URI.create(form.absUrl("action")).getRawPath();
    String query = URI.create(form.absUrl("action")).getRawQuery();
    if (query != null) {
      target += "?" + query;
    }
    int status = fuzz.send("POST", target, headers, bytes);
    return new Outcome(uploading ? "upload" : "form-field", status, described.trim());
  }
}
