package eu.rathaus.web.it;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes camt.053.001.02 bank statements for tests, following the ISO 20022 schema (element order
 * included), with the references and amounts of payments the test created. Plain text on purpose:
 * the tests then check our reader against a file nobody's library produced.
 */
public final class CamtFiles {

  private final String statementId;
  private final String iban;
  private final List<String> entries = new ArrayList<>();

  private CamtFiles(String statementId, String iban) {
    this.statementId = statementId;
    this.iban = iban;
  }

  public static CamtFiles statement(String statementId, String iban) {
    return new CamtFiles(statementId, iban);
  }

  /** A credit with the Kassenzeichen in the structured creditor reference. */
  public CamtFiles credit(String bankReference, long cents, String reference) {
    return entry(
        bankReference,
        cents,
        "CRDT",
        "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>"
            + reference
            + "</Ref></CdtrRefInf></Strd></RmtInf>");
  }

  /** A credit with only free remittance text. */
  public CamtFiles creditWithText(String bankReference, long cents, String text) {
    return entry(
        bankReference, cents, "CRDT", "<RmtInf><Ustrd>" + escape(text) + "</Ustrd></RmtInf>");
  }

  /** Money going out. */
  public CamtFiles debit(String bankReference, long cents) {
    return entry(bankReference, cents, "DBIT", "<RmtInf><Ustrd>Entgelt</Ustrd></RmtInf>");
  }

  private CamtFiles entry(String bankReference, long cents, String direction, String remittance) {
    String amount = BigDecimal.valueOf(cents, 2).toPlainString();
    String day = LocalDate.now().toString();
    entries.add(
        "<Ntry><Amt Ccy=\"EUR\">"
            + amount
            + "</Amt><CdtDbtInd>"
            + direction
            + "</CdtDbtInd><Sts>BOOK</Sts>"
            + "<BookgDt><Dt>"
            + day
            + "</Dt></BookgDt><ValDt><Dt>"
            + day
            + "</Dt></ValDt>"
            + "<AcctSvcrRef>"
            + bankReference
            + "</AcctSvcrRef>"
            + "<NtryDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy=\"EUR\">"
            + amount
            + "</Amt></TxAmt></AmtDtls>"
            + "<RltdPties><Dbtr><Nm>Erika Mustermann</Nm></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties>"
            + remittance
            + "</TxDtls></NtryDtls></Ntry>");
    return this;
  }

  public String xml() {
    String day = LocalDate.now().toString();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
        + "<GrpHdr><MsgId>MSG-"
        + statementId
        + "</MsgId><CreDtTm>"
        + day
        + "T06:00:00+01:00</CreDtTm></GrpHdr>"
        + "<Stmt><Id>"
        + statementId
        + "</Id><CreDtTm>"
        + day
        + "T06:00:00+01:00</CreDtTm>"
        + "<Acct><Id><IBAN>"
        + iban
        + "</IBAN></Id><Ccy>EUR</Ccy></Acct>"
        + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
        + "<Dt><Dt>"
        + day
        + "</Dt></Dt></Bal>"
        + String.join("", entries)
        + "</Stmt></BkToCstmrStmt></Document>\n";
  }

  public byte[] bytes() {
    return xml().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
