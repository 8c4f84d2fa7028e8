package eu.rathaus.catalogue.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.catalogue.application.FimSchema.Constraints;
import eu.rathaus.catalogue.application.FimSchema.Element;
import eu.rathaus.catalogue.application.FimSchema.Multiplicity;
import eu.rathaus.catalogue.application.FimSchema.Rule;
import eu.rathaus.catalogue.application.FimSchema.Standard;
import eu.rathaus.catalogue.application.FimSchema.Value;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.kernel.HardenedXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Reads a FIM Stammdatenschema ({@code xdatenfelder.stammdatenschema.0102}) in XDatenfelder 2.0
 * ({@code urn:xoev-de:fim:standard:xdatenfelder_2}) or 3.0 ({@code
 * urn:xoev-de:fim:standard:xdatenfelder_3.0.0}).
 *
 * <p>The upload is either the XML file alone or a ZIP as FIM repositories export it: the schema and
 * its code lists as genericode files ({@code gc:CodeList}). In 2.0 a select field only refers to a
 * code list, whose values live in such a file; 3.0 may carry the values inline ({@code werte}).
 *
 * <p>Every XML part is parsed by {@link HardenedXml}: a DOCTYPE (and with it XXE and entity
 * expansion) is refused before anything is read. A ZIP is read with limits on entries and
 * uncompressed size, so a ZIP bomb stops early.
 */
public final class FimSchemaReader {

  public static final String NS_XDF2 = "urn:xoev-de:fim:standard:xdatenfelder_2";
  public static final String NS_XDF3 = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";
  static final String ROOT = "xdatenfelder.stammdatenschema.0102";

  /** Limits of an upload: larger FIM schemas exist, but not for one online service. */
  public static final int MAX_BYTES = 5_000_000;

  static final int MAX_ZIP_ENTRIES = 500;
  static final int MAX_DEPTH = 12;

  private static final Pattern ANZAHL =
      Pattern.compile("\\s*(\\d{1,4})\\s*:\\s*(\\d{1,4}|\\*|n)\\s*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FimSchemaReader() {}

  /** The schema, or the problems that stopped reading it (message keys {@code catalogue.fim.*}). */
  public record Read(FimSchema schema, List<Problem> problems) {
    public Read {
      problems = List.copyOf(problems);
    }

    static Read refused(String key, Object... args) {
      return new Read(null, List.of(Problem.of("", key, args)));
    }
  }

  /** Reads an uploaded XML or ZIP file. Never throws on bad input. */
  public static Read read(byte[] upload) {
    if (upload == null || upload.length == 0) {
      return Read.refused("catalogue.fim.empty");
    }
    if (upload.length > MAX_BYTES) {
      return Read.refused("catalogue.fim.tooLarge", MAX_BYTES / 1_000_000);
    }
    if (upload.length > 3 && upload[0] == 'P' && upload[1] == 'K' && upload[2] == 3) {
      return readZip(upload);
    }
    return readXml(upload, Map.of());
  }

  private static Read readZip(byte[] upload) {
    List<byte[]> xmlParts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(upload))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > MAX_ZIP_ENTRIES) {
          return Read.refused("catalogue.fim.zipTooLarge");
        }
        if (entry.isDirectory() || !entry.getName().toLowerCase().endsWith(".xml")) {
          continue;
        }
        byte[] bytes = zip.readNBytes(MAX_BYTES + 1);
        total += bytes.length;
        if (bytes.length > MAX_BYTES || total > 4L * MAX_BYTES) {
          return Read.refused("catalogue.fim.zipTooLarge");
        }
        xmlParts.add(bytes);
        names.add(entry.getName());
      }
    } catch (IOException | IllegalArgumentException e) {
      return Read.refused("catalogue.fim.notXml", "ZIP");
    }
    byte[] schemaPart = null;
    Map<String, List<Value>> codeLists = new HashMap<>();
    for (int i = 0; i < xmlParts.size(); i++) {
      Document doc;
      try {
        doc = HardenedXml.parse(xmlParts.get(i));
      } catch (HardenedXml.Refused e) {
        return refusedXml(e, names.get(i));
      }
      Node root = doc.getDocumentElement();
      if (ROOT.equals(root.getLocalName())) {
        if (schemaPart != null) {
          return Read.refused("catalogue.fim.twoSchemas");
        }
        schemaPart = xmlParts.get(i);
      } else if ("CodeList".equals(root.getLocalName())) {
        readCodeList(root, codeLists);
      }
    }
    if (schemaPart == null) {
      return Read.refused("catalogue.fim.noSchemaInZip");
    }
    return readXml(schemaPart, codeLists);
  }

  private static Read refusedXml(HardenedXml.Refused e, String where) {
    if (e.failure() == HardenedXml.Failure.DOCTYPE) {
      return Read.refused("catalogue.fim.doctype");
    }
    return Read.refused(
        "catalogue.fim.notXml", where + (e.detail() == null ? "" : " (" + e.detail() + ")"));
  }

  private static Read readXml(byte[] xml, Map<String, List<Value>> codeLists) {
    Document doc;
    try {
      doc = HardenedXml.parse(xml);
    } catch (HardenedXml.Refused e) {
      return refusedXml(e, "XML");
    }
    Node root = doc.getDocumentElement();
    String ns = root.getNamespaceURI();
    Standard standard =
        NS_XDF2.equals(ns) ? Standard.XDF2 : NS_XDF3.equals(ns) ? Standard.XDF3 : null;
    if (standard == null || !ROOT.equals(root.getLocalName())) {
      return Read.refused(
          "catalogue.fim.notStammdatenschema",
          (root.getLocalName() == null ? root.getNodeName() : root.getLocalName())
              + (ns == null ? "" : " (" + ns + ")"));
    }
    Optional<Node> schema = child(root, "stammdatenschema");
    if (schema.isEmpty()) {
      return Read.refused("catalogue.fim.notStammdatenschema", ROOT);
    }
    Node s = schema.get();
    Node ident = child(s, "identifikation").orElse(null);
    String id = text(ident, "id");
    if (id == null) {
      return Read.refused("catalogue.fim.missing", "stammdatenschema/identifikation/id");
    }
    Context context = new Context(standard, codeLists);
    List<Element> children;
    try {
      children = structure(s, context, 0);
    } catch (TooDeep e) {
      return Read.refused("catalogue.fim.tooDeep", MAX_DEPTH);
    }
    String title = first(text(s, "bezeichnungEingabe"), text(s, "bezeichnung"), text(s, "name"));
    return new Read(
        new FimSchema(
            standard,
            id,
            text(ident, "version"),
            title == null ? id : title,
            first(text(s, "beschreibung"), text(s, "definition")),
            children,
            rules(s)),
        List.of());
  }

  private record Context(Standard standard, Map<String, List<Value>> codeLists) {}

  private static final class TooDeep extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private static List<Element> structure(Node parent, Context context, int depth) throws TooDeep {
    if (depth > MAX_DEPTH) {
      throw new TooDeep();
    }
    List<Element> elements = new ArrayList<>();
    for (Node struktur : children(parent, "struktur")) {
      Multiplicity multiplicity = multiplicity(text(struktur, "anzahl"));
      Node contains = child(struktur, "enthaelt").orElse(null);
      if (contains == null) {
        continue;
      }
      for (Node n = contains.getFirstChild(); n != null; n = n.getNextSibling()) {
        if ("datenfeld".equals(n.getLocalName())) {
          elements.add(field(n, multiplicity, context));
        } else if ("datenfeldgruppe".equals(n.getLocalName())) {
          elements.add(group(n, multiplicity, context, depth));
        }
      }
    }
    return elements;
  }

  /** What fields and groups both have: id, version, label (input first) and help text. */
  private record Head(String id, String version, String label, String help) {
    static Head of(Node element) {
      Node ident = child(element, "identifikation").orElse(null);
      return new Head(
          text(ident, "id"),
          text(ident, "version"),
          first(text(element, "bezeichnungEingabe"), text(element, "name"), text(ident, "id")),
          first(text(element, "hilfetextEingabe"), text(element, "hilfetext")));
    }
  }

  private static FimSchema.Group group(
      Node g, Multiplicity multiplicity, Context context, int depth) throws TooDeep {
    Head head = Head.of(g);
    return new FimSchema.Group(
        head.id(),
        head.version(),
        head.label(),
        head.help(),
        multiplicity,
        structure(g, context, depth + 1),
        rules(g));
  }

  private static FimSchema.Field field(Node f, Multiplicity multiplicity, Context context) {
    String codeList = null;
    List<Value> values = new ArrayList<>();
    Optional<Node> reference = child(f, "codelisteReferenz");
    if (reference.isPresent()) {
      Node r = reference.get();
      Node gc = child(r, "genericodeIdentification").orElse(r); // 2.0 nests it, 3.0 does not
      String versionUri = text(gc, "canonicalVersionUri");
      String uri = text(gc, "canonicalIdentification");
      String listId = text(child(r, "identifikation").orElse(null), "id");
      codeList = first(versionUri, uri, listId);
      for (String key : new String[] {versionUri, uri, listId}) {
        if (key != null && values.isEmpty() && context.codeLists().containsKey(key)) {
          values.addAll(context.codeLists().get(key));
        }
      }
    }
    child(f, "werte")
        .ifPresent(
            werte -> {
              for (Node wert : children(werte, "wert")) {
                String code = text(wert, "code");
                if (code != null) {
                  values.add(new Value(code, first(text(wert, "name"), code), text(wert, "hilfe")));
                }
              }
            });
    Head head = Head.of(f);
    return new FimSchema.Field(
        head.id(),
        head.version(),
        head.label(),
        head.help(),
        multiplicity,
        code(f, "feldart"),
        code(f, "datentyp"),
        constraints(child(f, "praezisierung").orElse(null), context.standard()),
        values,
        codeList,
        text(f, "inhalt"),
        text(f, "mediaType"),
        rules(f));
  }

  /** 2.0 writes the constraints as JSON text, 3.0 as attributes. */
  private static Constraints constraints(Node p, Standard standard) {
    if (p == null) {
      return Constraints.NONE;
    }
    if (p.getAttributes() != null && p.getAttributes().getLength() > 0) {
      return new Constraints(
          attribute(p, "minLength"),
          attribute(p, "maxLength"),
          attribute(p, "minValue"),
          attribute(p, "maxValue"),
          attribute(p, "pattern"));
    }
    String body = p.getTextContent() == null ? "" : p.getTextContent().strip();
    if (standard == Standard.XDF2 && body.startsWith("{")) {
      try {
        JsonNode json = JSON.readTree(body);
        return new Constraints(
            jsonText(json, "minLength"),
            jsonText(json, "maxLength"),
            jsonText(json, "minValue"),
            jsonText(json, "maxValue"),
            jsonText(json, "pattern"));
      } catch (IOException e) {
        return Constraints.NONE;
      }
    }
    return Constraints.NONE;
  }

  private static String jsonText(JsonNode json, String name) {
    JsonNode v = json.get(name);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static String attribute(Node n, String name) {
    Node a = n.getAttributes().getNamedItem(name);
    return a == null || a.getNodeValue().isBlank() ? null : a.getNodeValue().strip();
  }

  private static List<Rule> rules(Node parent) {
    List<Rule> rules = new ArrayList<>();
    for (Node r : children(parent, "regel")) {
      Node ident = child(r, "identifikation").orElse(null);
      rules.add(
          new Rule(
              text(ident, "id"),
              first(text(r, "name"), text(r, "bezeichnungEingabe")),
              first(
                  text(r, "freitextRegel"),
                  text(r, "beschreibung"),
                  text(r, "definition"),
                  text(r, "script"),
                  text(r, "skript"))));
    }
    return rules;
  }

  /** A genericode list: keyed by its canonical URI and canonical version URI. */
  private static void readCodeList(Node root, Map<String, List<Value>> codeLists) {
    Node ident = child(root, "Identification").orElse(null);
    String keyColumn = null;
    String nameColumn = null;
    String helpColumn = null;
    Node columns = child(root, "ColumnSet").orElse(null);
    if (columns != null) {
      for (Node key : children(columns, "Key")) {
        Node ref = child(key, "ColumnRef").orElse(null);
        if (ref != null && keyColumn == null) {
          keyColumn = attribute(ref, "Ref");
        }
      }
      for (Node column : children(columns, "Column")) {
        String cid = column.getAttributes() == null ? null : attribute(column, "Id");
        if (cid == null || cid.equals(keyColumn)) {
          continue;
        }
        if (keyColumn == null) {
          keyColumn = cid;
        } else if (nameColumn == null) {
          nameColumn = cid;
        } else if (helpColumn == null) {
          helpColumn = cid;
        }
      }
    }
    List<Value> values = new ArrayList<>();
    Node list = child(root, "SimpleCodeList").orElse(null);
    if (list != null && keyColumn != null) {
      for (Node row : children(list, "Row")) {
        Map<String, String> cells = new HashMap<>();
        for (Node v : children(row, "Value")) {
          String ref = attribute(v, "ColumnRef");
          String text = text(v, "SimpleValue");
          if (ref != null && text != null) {
            cells.put(ref, text);
          }
        }
        String code = cells.get(keyColumn);
        if (code != null) {
          values.add(
              new Value(
                  code,
                  nameColumn == null ? code : cells.getOrDefault(nameColumn, code),
                  helpColumn == null ? null : cells.get(helpColumn)));
        }
      }
    }
    for (String key :
        new String[] {text(ident, "CanonicalVersionUri"), text(ident, "CanonicalUri")}) {
      if (key != null) {
        codeLists.put(key, values);
      }
    }
  }

  static Multiplicity multiplicity(String anzahl) {
    if (anzahl == null) {
      return new Multiplicity(1, 1, "1:1");
    }
    Matcher m = ANZAHL.matcher(anzahl);
    if (!m.matches()) {
      return new Multiplicity(1, 1, anzahl.strip());
    }
    int min = Integer.parseInt(m.group(1));
    String upper = m.group(2);
    int max =
        upper.equals("*") || upper.equals("n") ? Multiplicity.UNBOUNDED : Integer.parseInt(upper);
    return new Multiplicity(min, max, anzahl.strip());
  }

  // ---- DOM helpers: elements are matched by local name, the root's namespace was checked -----

  private static Optional<Node> child(Node parent, String localName) {
    if (parent == null) {
      return Optional.empty();
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE && localName.equals(n.getLocalName())) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private static List<Node> children(Node parent, String localName) {
    List<Node> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE && localName.equals(n.getLocalName())) {
        result.add(n);
      }
    }
    return result;
  }

  /** The trimmed text of child {@code localName}, null if missing or blank. */
  private static String text(Node parent, String localName) {
    return child(parent, localName)
        .map(Node::getTextContent)
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .orElse(null);
  }

  /** The {@code code} inside a code-typed element such as {@code feldart}. */
  private static String code(Node parent, String localName) {
    return child(parent, localName).map(n -> text(n, "code")).orElse(null);
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c;
      }
    }
    return null;
  }
}
