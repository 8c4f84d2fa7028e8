package eu.rathaus.web.it;

/** Small FIM Stammdatenschemas (XDatenfelder 3.0) written for the tests, not taken from FIM. */
public final class FimSchemas {

  private FimSchemas() {}

  /**
   * "Sondernutzung": group "Antragstellende Person" (Familienname with help text and length limits,
   * a nested optional group "Anschrift" with Straße) and group "Art der Nutzung" (a value list
   * 01/02, a yes/no, a hidden field with a preset value). {@code id} is the schema id, so each test
   * run makes a service of its own ({@code fim.<id>}).
   */
  public static String sondernutzung(String id) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
          <xdf:header><xdf:nachrichtID>ui</xdf:nachrichtID><xdf:erstellungszeitpunkt>2026-12-07T10:00:00Z</xdf:erstellungszeitpunkt></xdf:header>
          <xdf:stammdatenschema>
            <xdf:identifikation><xdf:id>%1$s</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
            <xdf:name>Sondernutzung</xdf:name>
            <xdf:bezeichnung>Sondernutzung %1$s</xdf:bezeichnung>
            <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeldgruppe>
              <xdf:identifikation><xdf:id>G99100010</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
              <xdf:name>Person</xdf:name><xdf:bezeichnungEingabe>Antragstellende Person</xdf:bezeichnungEingabe>
              <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                <xdf:identifikation><xdf:id>F99100101</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                <xdf:name>Familienname</xdf:name><xdf:bezeichnungEingabe>Familienname</xdf:bezeichnungEingabe>
                <xdf:hilfetextEingabe>Wie im Ausweis.</xdf:hilfetextEingabe>
                <xdf:feldart><xdf:code>input</xdf:code></xdf:feldart><xdf:datentyp><xdf:code>text</xdf:code></xdf:datentyp>
                <xdf:praezisierung minLength="1" maxLength="120"/>
              </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
              <xdf:struktur><xdf:anzahl>0:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeldgruppe>
                <xdf:identifikation><xdf:id>G99100011</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                <xdf:name>Anschrift</xdf:name><xdf:bezeichnungEingabe>Anschrift</xdf:bezeichnungEingabe>
                <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                  <xdf:identifikation><xdf:id>F99100102</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                  <xdf:name>Straße</xdf:name><xdf:bezeichnungEingabe>Straße</xdf:bezeichnungEingabe>
                  <xdf:feldart><xdf:code>input</xdf:code></xdf:feldart><xdf:datentyp><xdf:code>text</xdf:code></xdf:datentyp>
                </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
              </xdf:datenfeldgruppe></xdf:enthaelt></xdf:struktur>
            </xdf:datenfeldgruppe></xdf:enthaelt></xdf:struktur>
            <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeldgruppe>
              <xdf:identifikation><xdf:id>G99100020</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
              <xdf:name>Nutzung</xdf:name><xdf:bezeichnungEingabe>Art der Nutzung</xdf:bezeichnungEingabe>
              <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                <xdf:identifikation><xdf:id>F99100201</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                <xdf:name>Nutzungsart</xdf:name><xdf:bezeichnungEingabe>Nutzungsart</xdf:bezeichnungEingabe>
                <xdf:feldart><xdf:code>select</xdf:code></xdf:feldart><xdf:datentyp><xdf:code>text</xdf:code></xdf:datentyp>
                <xdf:werte>
                  <xdf:wert><xdf:code>01</xdf:code><xdf:name>Baugerüst</xdf:name></xdf:wert>
                  <xdf:wert><xdf:code>02</xdf:code><xdf:name>Container</xdf:name></xdf:wert>
                </xdf:werte>
              </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
              <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                <xdf:identifikation><xdf:id>F99100202</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                <xdf:name>Gehweg</xdf:name><xdf:bezeichnungEingabe>Wird der Gehweg gesperrt?</xdf:bezeichnungEingabe>
                <xdf:feldart><xdf:code>input</xdf:code></xdf:feldart><xdf:datentyp><xdf:code>bool</xdf:code></xdf:datentyp>
              </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
              <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                <xdf:identifikation><xdf:id>F99100203</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                <xdf:name>Kennung</xdf:name><xdf:bezeichnungEingabe>Interne Kennung</xdf:bezeichnungEingabe>
                <xdf:feldart><xdf:code>hidden</xdf:code></xdf:feldart><xdf:datentyp><xdf:code>text</xdf:code></xdf:datentyp>
                <xdf:inhalt>SN-1</xdf:inhalt>
              </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
            </xdf:datenfeldgruppe></xdf:enthaelt></xdf:struktur>
          </xdf:stammdatenschema>
        </xdf:xdatenfelder.stammdatenschema.0102>
        """
        .formatted(id);
  }
}
