package eu.rathaus.privacy.domain;

import eu.rathaus.kernel.Html;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The readable overview ({@code overview.html}) of a citizen's data export, in German or English:
 * one self-contained, accessible HTML page (language attribute, headings, tables with captions and
 * header cells, no script, no external resource), every value escaped.
 */
public final class OverviewHtml {

  static final String BUNDLE = "eu.rathaus.privacy.overview";
  private static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");

  private final ResourceBundle texts;
  private final Locale locale;
  private final DateTimeFormatter time;
  private final StringBuilder html = new StringBuilder(8192);

  private OverviewHtml(Locale requested) {
    this.locale = english(requested) ? Locale.ENGLISH : Locale.GERMAN;
    this.texts = bundle(locale);
    this.time =
        DateTimeFormatter.ofPattern(
                english(requested) ? "yyyy-MM-dd HH:mm" : "dd.MM.yyyy HH:mm", locale)
            .withZone(GERMAN_TIME);
  }

  /** The overview of {@code summary} in {@code language} (English for {@code en}, else German). */
  public static String render(ExportSummary summary, Locale language) {
    return new OverviewHtml(language).page(summary);
  }

  /** The export's texts (also the JSON files' descriptions) in {@code language}. */
  public static ResourceBundle bundle(Locale language) {
    return ResourceBundle.getBundle(
        BUNDLE,
        english(language) ? Locale.ENGLISH : Locale.ROOT,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static boolean english(Locale language) {
    return language != null && "en".equals(language.getLanguage());
  }

  private String page(ExportSummary s) {
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(locale.getLanguage())
        .append("\">\n<head>\n<meta charset=\"UTF-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(t("title")))
        .append("</title>\n<style>")
        .append("body{font-family:sans-serif;line-height:1.5;max-width:60rem;margin:1rem auto;")
        .append("padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%;")
        .append("margin-bottom:1.5rem}th,td{border:1px solid #767676;padding:.3rem .5rem;")
        .append("text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold}")
        .append("</style>\n</head>\n<body>\n<main>\n<h1>")
        .append(esc(t("title")))
        .append("</h1>\n<p>")
        .append(esc(t("intro", s.name() == null ? "" : s.name(), when(s.exportedAt()))))
        .append("</p>\n<p>")
        .append(esc(t("machineReadable")))
        .append("</p>\n");

    section("applications");
    table(
        "applications",
        List.of("reference", "service", "municipality", "submittedAt", "status"),
        s.applications(),
        a ->
            List.of(
                a.reference(),
                a.service(),
                a.municipality(),
                when(a.submittedAt()),
                status(a.status())));
    section("drafts");
    table(
        "drafts",
        List.of("service", "municipality", "updatedAt"),
        s.drafts(),
        d -> List.of(d.service(), d.municipality(), when(d.updatedAt())));
    section("files");
    table(
        "files",
        List.of("fileName", "origin", "size", "path"),
        s.files(),
        f -> List.of(f.name(), t("origin." + f.origin()), bytes(f.sizeBytes()), f.path()));
    section("messages");
    table(
        "messages",
        List.of("threadTitle", "municipality", "messageCount"),
        s.threads(),
        m -> List.of(m.title(), m.municipality(), Integer.toString(m.messages())));
    section("payments");
    table(
        "payments",
        List.of("paymentReference", "reference", "amount", "state"),
        s.payments(),
        p ->
            List.of(
                p.paymentReference(),
                p.reference() == null ? "–" : p.reference(),
                money(p.amountCents()),
                p.state()));
    section("appointments");
    table(
        "appointments",
        List.of("appointmentType", "location", "startsAt", "state"),
        s.appointments(),
        a -> List.of(a.type(), a.location(), when(a.startsAt()), a.status()));
    section("accessLog");
    table(
        "accessLog",
        List.of("when", "municipality", "person", "what", "reference"),
        s.accessLog(),
        e ->
            List.of(
                when(e.occurredAt()),
                e.municipality() == null ? "–" : e.municipality(),
                e.actorName() == null ? t("person.unknown") : e.actorName(),
                action(e.action()),
                e.reference() == null ? "–" : e.reference()));
    section("rights");
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private void section(String key) {
    html.append("<h2>").append(esc(t("section." + key))).append("</h2>\n");
    String help = optional("section." + key + ".help");
    if (help != null) {
      html.append("<p>").append(esc(help)).append("</p>\n");
    }
  }

  private <T> void table(
      String key, List<String> columns, List<T> rows, Function<T, List<String>> cells) {
    if (rows.isEmpty()) {
      html.append("<p>").append(esc(t("none"))).append("</p>\n");
      return;
    }
    html.append("<table>\n<caption>")
        .append(esc(t("section." + key)))
        .append("</caption>\n<thead><tr>");
    for (String column : columns) {
      html.append("<th scope=\"col\">").append(esc(t("column." + column))).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (T row : rows) {
      html.append("<tr>");
      for (String cell : cells.apply(row)) {
        html.append("<td>").append(esc(cell == null ? "–" : cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private String status(String status) {
    String label = status == null ? null : optional("status." + status);
    return label == null ? (status == null ? "–" : status) : label;
  }

  private String action(String action) {
    String label = action == null ? null : optional("action." + action);
    return label == null ? action : label;
  }

  private String when(Instant instant) {
    return instant == null ? "–" : time.format(instant);
  }

  private String money(long cents) {
    NumberFormat format =
        NumberFormat.getCurrencyInstance(
            english(locale) ? Locale.forLanguageTag("en-IE") : Locale.GERMANY);
    return format.format(cents / 100.0);
  }

  private String bytes(long size) {
    return size < 1024
        ? size + " B"
        : NumberFormat.getIntegerInstance(locale).format((size + 1023) / 1024) + " KB";
  }

  private String t(String key, Object... args) {
    String pattern = texts.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  private String optional(String key) {
    try {
      return texts.getString(key);
    } catch (MissingResourceException e) {
      return null;
    }
  }

  static String esc(String text) {
    return Html.escape(text);
  }
}
