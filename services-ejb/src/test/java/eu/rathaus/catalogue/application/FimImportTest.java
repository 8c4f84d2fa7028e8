package eu.rathaus.catalogue.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rathaus.catalogue.domain.CatalogueMessages;
import eu.rathaus.catalogue.domain.FieldDefinition;
import eu.rathaus.catalogue.domain.FieldType;
import eu.rathaus.catalogue.domain.FormDefinition;
import eu.rathaus.catalogue.domain.Problem;
import eu.rathaus.catalogue.domain.TemplateDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The FIM import: small Stammdatenschemas in XDatenfelder 2.0 and 3.0, written here (not taken from
 * a FIM repository), read, mapped onto the form model and checked by the same validator as every
 * other definition.
 */
class FimImportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  // ---- XDatenfelder 3.0: inline values, nested groups, praezisierung as attributes ------------

  /** A {@code struktur} holding one XDatenfelder 3.0 data field. */
  private static String field3(
      String anzahl, String id, String label, String feldart, String datentyp, String more) {
    return """
        <xdf:struktur><xdf:anzahl>%s</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
          <xdf:identifikation><xdf:id>%s</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
          <xdf:name>%s</xdf:name><xdf:bezeichnungEingabe>%s</xdf:bezeichnungEingabe>
          <xdf:feldart><xdf:code>%s</xdf:code></xdf:feldart><xdf:datentyp><xdf:code>%s</xdf:code></xdf:datentyp>
          %s
        </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
        """
        .formatted(anzahl, id, label, label, feldart, datentyp, more);
  }

  /** A {@code struktur} holding one XDatenfelder 3.0 field group with the given content. */
  private static String group3(String anzahl, String id, String label, String content) {
    return """
        <xdf:struktur><xdf:anzahl>%s</xdf:anzahl><xdf:enthaelt><xdf:datenfeldgruppe>
          <xdf:identifikation><xdf:id>%s</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
          <xdf:name>%s</xdf:name><xdf:bezeichnungEingabe>%s</xdf:bezeichnungEingabe>
          %s
        </xdf:datenfeldgruppe></xdf:enthaelt></xdf:struktur>
        """
        .formatted(anzahl, id, label, label, content);
  }

  // Sondernutzung: a person group (with an optional nested address group) and a usage group with
  // a value list, a date, a whole number, a yes/no, a repeatable file and a hidden field.
  static final String XDF3 =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
        <xdf:header><xdf:nachrichtID>t1</xdf:nachrichtID><xdf:erstellungszeitpunkt>2026-12-01T10:00:00Z</xdf:erstellungszeitpunkt></xdf:header>
        <xdf:stammdatenschema>
          <xdf:identifikation><xdf:id>S99000001</xdf:id><xdf:version>1.2.0</xdf:version></xdf:identifikation>
          <xdf:name>Sondernutzung Straße</xdf:name>
          <xdf:bezeichnung>Sondernutzung öffentlicher Straßen beantragen</xdf:bezeichnung>
          <xdf:beschreibung>Testschema für den Import.</xdf:beschreibung>
          <xdf:regel>
            <xdf:identifikation><xdf:id>R99000009</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
            <xdf:name>Ende nach Beginn</xdf:name>
            <xdf:freitextRegel>Das Ende muss nach dem Beginn liegen.</xdf:freitextRegel>
          </xdf:regel>
      """
          + group3(
              "1:1",
              "G99000010",
              "Antragstellende Person",
              field3(
                      "1:1",
                      "F99000101",
                      "Familienname",
                      "input",
                      "text",
                      "<xdf:hilfetextEingabe>Wie im Ausweis.</xdf:hilfetextEingabe>"
                          + "<xdf:praezisierung minLength=\"1\" maxLength=\"120\"/>")
                  + group3(
                      "0:1",
                      "G99000011",
                      "Anschrift",
                      field3("1:1", "F99000102", "Straße", "input", "text", "")))
          + group3(
              "1:1",
              "G99000020",
              "Art der Nutzung",
              field3(
                      "1:1",
                      "F99000201",
                      "Nutzungsart",
                      "select",
                      "text",
                      """
                      <xdf:werte>
                        <xdf:wert><xdf:code>01</xdf:code><xdf:name>Baugerüst</xdf:name></xdf:wert>
                        <xdf:wert><xdf:code>02</xdf:code><xdf:name>Container</xdf:name><xdf:hilfe>Bis 7 m³</xdf:hilfe></xdf:wert>
                      </xdf:werte>
                      """)
                  + field3("1:1", "F99000202", "Beginn", "input", "date", "")
                  + field3(
                      "0:1",
                      "F99000203",
                      "Fläche in m²",
                      "input",
                      "num_int",
                      "<xdf:praezisierung minValue=\"1\" maxValue=\"500\"/>")
                  + field3("1:1", "F99000204", "Wird der Gehweg gesperrt?", "input", "bool", "")
                  + field3("0:3", "F99000205", "Lageplan", "input", "file", "")
                  + field3(
                      "1:1",
                      "F99000206",
                      "Interne Kennung",
                      "hidden",
                      "text",
                      "<xdf:inhalt>SN-1</xdf:inhalt>"))
          + """
        </xdf:stammdatenschema>
      </xdf:xdatenfelder.stammdatenschema.0102>
      """;

  @Test
  void xdf3TopLevelGroupsBecomeStepsWithFimIdsChoicesAndRequiredFromMultiplicity() {
    FimFormMapper.Mapped mapped = import3();
    FormDefinition form = form(mapped);

    assertEquals(2, form.steps().size());
    assertEquals("Antragstellende Person", form.steps().get(0).title().de());
    assertEquals("G99000010", form.steps().get(0).fimId());
    assertEquals("G99000020", form.steps().get(1).fimId());

    FieldDefinition name = field(form, "F99000101");
    assertEquals(FieldType.TEXT, name.type());
    assertTrue(name.required());
    assertEquals(1, name.minLength());
    assertEquals(120, name.maxLength());
    assertEquals("Wie im Ausweis.", name.help().de());

    // Nested, optional group: flattened into the step, labelled with the group, optional.
    FieldDefinition street = field(form, "F99000102");
    assertEquals("Anschrift – Straße", street.label().de());
    assertFalse(street.required());
    assertEquals(form.steps().get(0), stepOf(form, street));

    FieldDefinition use = field(form, "F99000201");
    assertEquals(FieldType.SINGLE_CHOICE, use.type());
    assertEquals(List.of("c_01", "c_02"), use.choices().stream().map(c -> c.key()).toList());
    assertEquals("Container", use.choices().get(1).label().de());
    assertTrue(use.required());

    assertEquals(FieldType.DATE, field(form, "F99000202").type());
    FieldDefinition area = field(form, "F99000203");
    assertEquals(FieldType.NUMBER, area.type());
    assertFalse(area.required());
    assertEquals(0, new BigDecimal("500").compareTo(area.maxValue()));
    assertEquals(FieldType.YES_NO, field(form, "F99000204").type());
    assertEquals(FieldType.FILE, field(form, "F99000205").type());
    assertTrue(form.attachments().maxCount() >= 1);
    assertTrue(form.fields().stream().noneMatch(f -> "F99000206".equals(f.fimId())));

    JsonNode doc = tree(mapped.templateJson());
    assertEquals("fim.S99000001", doc.path("serviceKey").asText());
    assertEquals(
        "Sondernutzung öffentlicher Straßen beantragen", doc.path("title").path("de").asText());
    assertEquals("xdatenfelder-3.0", doc.path("form").path("fim").path("standard").asText());
    assertEquals("1.2.0", doc.path("form").path("fim").path("version").asText());
  }

  @Test
  void xdf3WhatTheFormCannotRepresentIsListedNotDropped() {
    List<Problem> notes = import3().notes();
    assertNote(notes, "R99000009", "catalogue.fim.note.rule");
    assertNote(notes, "G99000011", "catalogue.fim.note.optionalGroup");
    assertNote(notes, "F99000203", "catalogue.fim.note.integer");
    assertNote(notes, "F99000205", "catalogue.fim.note.repeats");
    assertNote(notes, "F99000206", "catalogue.fim.note.hidden");
    assertNote(notes, "F99000201", "catalogue.fim.note.valueHelp");
    // Each note reads as a sentence in German and English (no bare message key, the values named).
    for (Problem n : notes) {
      String de = CatalogueMessages.format(n, Locale.GERMAN);
      String en = CatalogueMessages.format(n, Locale.ENGLISH);
      assertFalse(de.startsWith("catalogue."), de);
      assertFalse(en.startsWith("catalogue."), en);
    }
    Problem hidden =
        notes.stream().filter(n -> n.target().equals("F99000206")).findFirst().orElseThrow();
    assertTrue(CatalogueMessages.format(hidden, Locale.GERMAN).contains("SN-1"));
  }

  // ---- XDatenfelder 2.0: code list in a genericode file, praezisierung as JSON ----------------

  static final String XDF2 =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2">
        <xdf:header><xdf:nachrichtID>t2</xdf:nachrichtID><xdf:erstellungszeitpunkt>2026-12-01T10:00:00Z</xdf:erstellungszeitpunkt></xdf:header>
        <xdf:stammdatenschema>
          <xdf:identifikation><xdf:id>S99000002</xdf:id><xdf:version>2.0</xdf:version></xdf:identifikation>
          <xdf:name>Hundehaltung</xdf:name>
          <xdf:bezeichnungEingabe>Hund anmelden</xdf:bezeichnungEingabe>
          <xdf:struktur>
            <xdf:anzahl>1:1</xdf:anzahl>
            <xdf:enthaelt>
              <xdf:datenfeld>
                <xdf:identifikation><xdf:id>F99000301</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
                <xdf:name>Hinweis Datenschutz</xdf:name>
                <xdf:bezeichnungEingabe>Hinweis zum Datenschutz</xdf:bezeichnungEingabe>
                <xdf:hilfetextEingabe>Ihre Angaben werden nur für die Hundesteuer verwendet.</xdf:hilfetextEingabe>
                <xdf:feldart listURI="urn:xoev-de:fim:codeliste:xdatenfelder.feldart" listVersionID="1.0"><code>label</code></xdf:feldart>
                <xdf:datentyp listURI="urn:xoev-de:fim:codeliste:xdatenfelder.datentyp" listVersionID="1.0"><code>text</code></xdf:datentyp>
              </xdf:datenfeld>
            </xdf:enthaelt>
          </xdf:struktur>
          <xdf:struktur>
            <xdf:anzahl>1:n</xdf:anzahl>
            <xdf:enthaelt>
              <xdf:datenfeldgruppe>
                <xdf:identifikation><xdf:id>G99000030</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
                <xdf:name>Hund</xdf:name>
                <xdf:bezeichnungEingabe>Angaben zum Hund</xdf:bezeichnungEingabe>
                <xdf:regel>
                  <xdf:identifikation><xdf:id>R99000031</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
                  <xdf:name>Chipnummer Format</xdf:name>
                  <xdf:script>function check() {}</xdf:script>
                </xdf:regel>
                <xdf:struktur>
                  <xdf:anzahl>1:1</xdf:anzahl>
                  <xdf:enthaelt>
                    <xdf:datenfeld>
                      <xdf:identifikation><xdf:id>F99000302</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
                      <xdf:name>Rufname</xdf:name>
                      <xdf:bezeichnungEingabe>Rufname des Hundes</xdf:bezeichnungEingabe>
                      <xdf:feldart listURI="urn:xoev-de:fim:codeliste:xdatenfelder.feldart" listVersionID="1.0"><code>input</code></xdf:feldart>
                      <xdf:datentyp listURI="urn:xoev-de:fim:codeliste:xdatenfelder.datentyp" listVersionID="1.0"><code>text</code></xdf:datentyp>
                      <xdf:praezisierung>{"minLength":"1","maxLength":"40","pattern":"[A-Za-zÄÖÜäöüß -]+"}</xdf:praezisierung>
                    </xdf:datenfeld>
                  </xdf:enthaelt>
                </xdf:struktur>
                <xdf:struktur>
                  <xdf:anzahl>1:1</xdf:anzahl>
                  <xdf:enthaelt>
                    <xdf:datenfeld>
                      <xdf:identifikation><xdf:id>F99000303</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
                      <xdf:name>Rasse</xdf:name>
                      <xdf:bezeichnungEingabe>Rasse</xdf:bezeichnungEingabe>
                      <xdf:feldart listURI="urn:xoev-de:fim:codeliste:xdatenfelder.feldart" listVersionID="1.0"><code>select</code></xdf:feldart>
                      <xdf:datentyp listURI="urn:xoev-de:fim:codeliste:xdatenfelder.datentyp" listVersionID="1.0"><code>text</code></xdf:datentyp>
                      <xdf:codelisteReferenz>
                        <xdf:identifikation><xdf:id>C99000001</xdf:id></xdf:identifikation>
                        <xdf:genericodeIdentification>
                          <xdf:canonicalIdentification>urn:de:test:hunderasse</xdf:canonicalIdentification>
                          <xdf:version>1</xdf:version>
                          <xdf:canonicalVersionUri>urn:de:test:hunderasse_1</xdf:canonicalVersionUri>
                        </xdf:genericodeIdentification>
                      </xdf:codelisteReferenz>
                    </xdf:datenfeld>
                  </xdf:enthaelt>
                </xdf:struktur>
              </xdf:datenfeldgruppe>
            </xdf:enthaelt>
          </xdf:struktur>
        </xdf:stammdatenschema>
      </xdf:xdatenfelder.stammdatenschema.0102>
      """;

  static final String GENERICODE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
        <Identification>
          <ShortName>hunderasse</ShortName>
          <Version>1</Version>
          <CanonicalUri>urn:de:test:hunderasse</CanonicalUri>
          <CanonicalVersionUri>urn:de:test:hunderasse_1</CanonicalVersionUri>
        </Identification>
        <ColumnSet>
          <Column Id="code" Use="required"><ShortName>Schluessel</ShortName></Column>
          <Column Id="name" Use="required"><ShortName>Wert</ShortName></Column>
          <Key Id="codeKey"><ShortName>codeKey</ShortName><ColumnRef Ref="code"/></Key>
        </ColumnSet>
        <SimpleCodeList>
          <Row><Value ColumnRef="code"><SimpleValue>DACKEL</SimpleValue></Value><Value ColumnRef="name"><SimpleValue>Dackel</SimpleValue></Value></Row>
          <Row><Value ColumnRef="code"><SimpleValue>MISCH</SimpleValue></Value><Value ColumnRef="name"><SimpleValue>Mischling</SimpleValue></Value></Row>
        </SimpleCodeList>
      </gc:CodeList>
      """;

  @Test
  void xdf2ZipWithGenericodeCodeListBecomesChoices() throws IOException {
    FimFormMapper.Mapped mapped =
        mapped(zip("S99000002.xml", XDF2, "C99000001_genericode.xml", GENERICODE));
    FormDefinition form = form(mapped);

    assertEquals(1, form.steps().size(), "the label field makes no step of its own");
    assertEquals("G99000030", form.steps().get(0).fimId());
    FieldDefinition name = field(form, "F99000302");
    assertEquals("rufnameDesHundes", name.key());
    assertEquals(40, name.maxLength());
    assertEquals("[A-Za-zÄÖÜäöüß -]+", name.pattern());
    assertTrue(name.required());
    FieldDefinition breed = field(form, "F99000303");
    assertEquals(FieldType.SINGLE_CHOICE, breed.type());
    assertEquals(List.of("DACKEL", "MISCH").toString(), codes(mapped, "F99000303").toString());
    assertEquals("Mischling", breed.choices().get(1).label().de());

    assertEquals(
        "xdatenfelder-2.0",
        tree(mapped.templateJson()).path("form").path("fim").path("standard").asText());
    List<Problem> notes = mapped.notes();
    assertNote(notes, "F99000301", "catalogue.fim.note.label");
    assertNote(notes, "G99000030", "catalogue.fim.note.repeats");
    assertNote(notes, "R99000031", "catalogue.fim.note.rule");
  }

  @Test
  void xdf2AloneHasNoCodeListValuesTheSelectBecomesTextAndSaysSo() {
    FimFormMapper.Mapped mapped = mapped(XDF2.getBytes(StandardCharsets.UTF_8));
    FieldDefinition breed = field(form(mapped), "F99000303");
    assertEquals(FieldType.TEXT, breed.type());
    Problem note =
        mapped.notes().stream()
            .filter(n -> n.messageKey().equals("catalogue.fim.note.codeListMissing"))
            .findFirst()
            .orElseThrow();
    assertTrue(CatalogueMessages.format(note, Locale.GERMAN).contains("urn:de:test:hunderasse_1"));
  }

  // ---- the form keeps its FIM ids through editing and export ---------------------------------

  @Test
  void editingAnImportedFieldOrStepKeepsItsFimIdAndCodes() {
    String form = tree(import3().templateJson()).path("form").toString();
    int step = 1;
    FieldInput in = FormDocumentEditor.readField(form, step, 0);
    assertEquals("F99000201", in.getFimId());
    in.setLabelDe("Art der Sondernutzung");
    String edited = FormDocumentEditor.saveField(form, "1", 0, in).json();
    StepInput s = FormDocumentEditor.readStep(edited, step);
    s.setTitleDe("Nutzung");
    edited = FormDocumentEditor.saveStep(edited, step, s).json();

    JsonNode after = tree(edited).path("steps").get(step);
    assertEquals("G99000020", after.path("fim").path("id").asText());
    JsonNode field = after.path("fields").get(0);
    assertEquals("Art der Sondernutzung", field.path("label").path("de").asText());
    assertEquals("F99000201", field.path("fim").path("id").asText());
    assertEquals("01", field.path("choices").get(0).path("fimCode").asText());
    // What is stored (and exported) is the validator's canonical JSON: the ids are still there.
    String stored =
        eu.rathaus.catalogue.domain.FormDefinitionValidator.validate(edited).canonicalJson();
    assertTrue(stored.contains("\"fim\":{\"id\":\"F99000201\""), stored);
  }

  // ---- refused files ---------------------------------------------------------------------------

  @Test
  void doctypeXxeAndBillionLaughsAreRefusedUnread() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2">&e;</xdf:xdatenfelder.stammdatenschema.0102>
        """;
    String laughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]>
        <l>&c;</l>
        """;
    assertRefused(xxe.getBytes(StandardCharsets.UTF_8), "catalogue.fim.doctype");
    assertRefused(laughs.getBytes(StandardCharsets.UTF_8), "catalogue.fim.doctype");
    // The administrator reads why, in German and in English.
    Problem why = FimSchemaReader.read(xxe.getBytes(StandardCharsets.UTF_8)).problems().get(0);
    assertTrue(CatalogueMessages.format(why, Locale.GERMAN).contains("DOCTYPE-Deklaration"));
    assertTrue(CatalogueMessages.format(why, Locale.ENGLISH).contains("For security"));
  }

  @Test
  void aDoctypeInsideAZipIsRefusedToo() throws IOException {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<gc:CodeList xmlns:gc=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\">&e;</gc:CodeList>";
    assertRefused(zip("s.xml", XDF2, "c.xml", xxe), "catalogue.fim.doctype");
  }

  @Test
  void otherFilesAreRefusedWithAReason() throws IOException {
    assertRefused(new byte[0], "catalogue.fim.empty");
    assertRefused("not xml at all".getBytes(StandardCharsets.UTF_8), "catalogue.fim.notXml");
    assertRefused(
        "<a xmlns=\"urn:other\"/>".getBytes(StandardCharsets.UTF_8),
        "catalogue.fim.notStammdatenschema");
    assertRefused(
        XDF3.replace("xdatenfelder.stammdatenschema.0102", "xdatenfelder.datenfeldgruppe.0103")
            .getBytes(StandardCharsets.UTF_8),
        "catalogue.fim.notStammdatenschema");
    assertRefused(zip("c.xml", GENERICODE), "catalogue.fim.noSchemaInZip");
    assertRefused(new byte[FimSchemaReader.MAX_BYTES + 1], "catalogue.fim.tooLarge");
    String onlyLabel =
        XDF2.substring(0, XDF2.indexOf("<xdf:struktur>\n      <xdf:anzahl>1:n"))
            + "</xdf:stammdatenschema></xdf:xdatenfelder.stammdatenschema.0102>";
    FimSchemaReader.Read read = FimSchemaReader.read(onlyLabel.getBytes(StandardCharsets.UTF_8));
    assertNotNull(read.schema(), read.problems().toString());
    FimFormMapper.Mapped mapped = FimFormMapper.map(read.schema());
    assertFalse(mapped.isValid());
    assertEquals("catalogue.fim.noFields", mapped.problems().get(0).messageKey());
    assertNull(mapped.templateJson());
  }

  @Test
  void multiplicitiesAreRead() {
    assertEquals(0, FimSchemaReader.multiplicity("0:1").min());
    assertEquals(1, FimSchemaReader.multiplicity("1:1").max());
    assertTrue(FimSchemaReader.multiplicity("1:*").repeats());
    assertTrue(FimSchemaReader.multiplicity("0:n").repeats());
    assertEquals(1, FimSchemaReader.multiplicity(null).min());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static FimFormMapper.Mapped import3() {
    return mapped(XDF3.getBytes(StandardCharsets.UTF_8));
  }

  private static FimFormMapper.Mapped mapped(byte[] upload) {
    FimSchemaReader.Read read = FimSchemaReader.read(upload);
    assertNotNull(read.schema(), read.problems().toString());
    FimFormMapper.Mapped mapped = FimFormMapper.map(read.schema());
    assertTrue(mapped.isValid(), mapped.problems().toString());
    return mapped;
  }

  /** The mapped document passes the same check as every template file and JSON import. */
  private static FormDefinition form(FimFormMapper.Mapped mapped) {
    TemplateDocument.Read read = TemplateDocument.read(mapped.templateJson());
    assertTrue(read.isValid(), read.problems() + "\n" + mapped.templateJson());
    return read.template().form().definition();
  }

  private static FieldDefinition field(FormDefinition form, String fimId) {
    return form.fields().stream()
        .filter(f -> fimId.equals(f.fimId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field with FIM id " + fimId));
  }

  private static eu.rathaus.catalogue.domain.StepDefinition stepOf(
      FormDefinition form, FieldDefinition field) {
    return form.steps().stream().filter(s -> s.fields().contains(field)).findFirst().orElseThrow();
  }

  private static List<String> codes(FimFormMapper.Mapped mapped, String fimId) {
    for (JsonNode step : tree(mapped.templateJson()).path("form").path("steps")) {
      for (JsonNode f : step.path("fields")) {
        if (fimId.equals(f.path("fim").path("id").asText())) {
          return java.util.stream.StreamSupport.stream(f.path("choices").spliterator(), false)
              .map(c -> c.path("fimCode").asText())
              .toList();
        }
      }
    }
    throw new AssertionError(fimId);
  }

  private static void assertNote(List<Problem> notes, String target, String key) {
    assertTrue(
        notes.stream().anyMatch(n -> n.target().equals(target) && n.messageKey().equals(key)),
        key + " at " + target + " not in " + notes);
  }

  private static void assertRefused(byte[] upload, String key) {
    FimSchemaReader.Read read = FimSchemaReader.read(upload);
    assertNull(read.schema());
    assertEquals(key, read.problems().get(0).messageKey(), read.problems().toString());
    assertFalse(
        CatalogueMessages.format(read.problems().get(0), Locale.GERMAN).startsWith("catalogue."));
  }

  private static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
