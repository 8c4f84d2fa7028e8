package eu.rathaus.payments.infrastructure;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation7;
import eu.rathaus.payments.domain.BankEntry;
import eu.rathaus.payments.domain.BankStatement;
import eu.rathaus.payments.domain.StatementRefused;
import eu.rathaus.payments.domain.StatementRefused.Reason;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads camt.053 bank statements (ISO 20022 "BankToCustomerStatement") into {@link BankStatement}.
 * The XML is first parsed by {@link SafeXml} (no DOCTYPE, hence no XXE and no entity expansion);
 * the checked DOM is then bound to the Prowide ISO 20022 model, generated from the official
 * schemas, so no element is walked by hand.
 *
 * <p>Supported: {@code camt.053.001.02} (what German banks send most, DK format up to 2025) and
 * {@code camt.053.001.08} (the SEPA 2019 rulebook version banks move to). The message may stand
 * alone or inside a business-application envelope with an AppHdr.
 */
public final class Camt053Reader {

  static final String NS_V02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
  static final String NS_V08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
  private static final Map<String, String> TYPES =
      Map.of(NS_V02, "camt.053.001.02", NS_V08, "camt.053.001.08");

  private Camt053Reader() {}

  /**
   * @throws StatementRefused when the file is unsafe, malformed, another message or has no entries
   */
  public static BankStatement read(byte[] content) {
    if (content == null || content.length == 0) {
      throw new StatementRefused(Reason.EMPTY_FILE, null);
    }
    Document dom = SafeXml.parse(content);
    Element document = documentElement(dom.getDocumentElement());
    // No namespace at all (a null URI, which Map.of cannot even be asked about) says no version.
    if (document == null
        || document.getNamespaceURI() == null
        || !TYPES.containsKey(document.getNamespaceURI())) {
      throw new StatementRefused(
          Reason.WRONG_MESSAGE,
          document == null ? dom.getDocumentElement().getLocalName() : document.getNamespaceURI());
    }
    withoutPrefixes(document, document.getNamespaceURI());
    String type = TYPES.get(document.getNamespaceURI());
    AbstractMX mx;
    try {
      mx = AbstractMX.parse(document);
    } catch (RuntimeException e) {
      throw new StatementRefused(Reason.MALFORMED, "not a valid " + type, e);
    }
    BankStatement statement;
    try {
      if (mx instanceof MxCamt05300102 v02 && v02.getBkToCstmrStmt() != null) {
        statement = fromV02(v02);
      } else if (mx instanceof MxCamt05300108 v08 && v08.getBkToCstmrStmt() != null) {
        statement = fromV08(v08);
      } else {
        throw new StatementRefused(Reason.WRONG_MESSAGE, document.getNamespaceURI());
      }
    } catch (StatementRefused refused) {
      throw refused;
    } catch (RuntimeException e) {
      // A statement the binding accepted but that lacks what every entry needs (an amount, a
      // date): refused with the clear message, never the generic error page.
      throw new StatementRefused(Reason.MALFORMED, "incomplete " + type, e);
    }
    if (statement.entries().isEmpty()) {
      throw new StatementRefused(Reason.NO_ENTRIES, statement.statementId());
    }
    return statement;
  }

  /**
   * The ISO 20022 {@code Document} element: the root, or a child of an envelope (AppHdr +
   * Document).
   */
  private static Element documentElement(Element root) {
    if ("Document".equals(root.getLocalName())) {
      return root;
    }
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "Document".equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /**
   * Banks declare the ISO namespace as the default one or with a prefix of their choice ({@code
   * <camt:Document xmlns:camt="...">}, as in the Bundesbank's EBICS samples); both say the same.
   * The binding expects the default form, so every element of the message's namespace loses its
   * prefix. Elements of other namespaces (an envelope's, a bank's extension) are left as they are.
   */
  private static void withoutPrefixes(Element element, String namespace) {
    Element current = element;
    if (namespace.equals(current.getNamespaceURI()) && current.getPrefix() != null) {
      current =
          (Element)
              current.getOwnerDocument().renameNode(current, namespace, current.getLocalName());
    }
    Node n = current.getFirstChild();
    while (n != null) {
      // Taken before the child is renamed: a renamed node may take the old one's place.
      Node next = n.getNextSibling();
      if (n instanceof Element child) {
        withoutPrefixes(child, namespace);
      }
      n = next;
    }
  }

  // ---- one neutral view of both versions ----
  // The two camt versions carry the same facts in differently generated model types. Each version
  // is mapped to these records (a few lines per version), and one loop turns them into entries.

  private record Statement(
      String id, String iban, LocalDate from, LocalDate to, List<Entry> entries) {}

  private record Entry(
      boolean booked,
      boolean credit,
      ActiveOrHistoricCurrencyAndAmount amount,
      LocalDate bookingDate,
      String servicerRef,
      String entryRef,
      String additionalInfo,
      List<Transaction> transactions) {}

  private record Transaction(
      ActiveOrHistoricCurrencyAndAmount amount,
      String servicerRef,
      String structured,
      String unstructured,
      String debtorName,
      String debtorIban) {}

  private static BankStatement statement(String type, String messageId, List<Statement> stmts) {
    if (stmts.isEmpty()) {
      throw new StatementRefused(Reason.NO_ENTRIES, "no statement");
    }
    List<BankEntry> entries = new ArrayList<>();
    LocalDate from = null;
    LocalDate to = null;
    String iban = null;
    for (Statement s : stmts) {
      iban = sameAccount(iban, s.iban());
      from = earlier(from, s.from());
      to = later(to, s.to());
      int entryNo = 0;
      for (Entry n : s.entries()) {
        entryNo++;
        if (!n.booked()) {
          continue; // pending or informational entries are not money on the account yet
        }
        String entryRef = entryReference(s.id(), entryNo, n.servicerRef(), n.entryRef());
        if (n.transactions().size() <= 1) {
          Transaction tx = n.transactions().isEmpty() ? null : n.transactions().get(0);
          entries.add(
              new BankEntry(
                  entryRef,
                  cents(n.amount()),
                  currency(n.amount()),
                  n.credit(),
                  n.bookingDate(),
                  tx == null ? null : tx.structured(),
                  tx == null ? n.additionalInfo() : tx.unstructured(),
                  tx == null ? null : tx.debtorName(),
                  tx == null ? null : tx.debtorIban()));
          continue;
        }
        int txNo = 0;
        for (Transaction tx : n.transactions()) {
          txNo++;
          if (tx.amount() == null) {
            throw new StatementRefused(
                Reason.MALFORMED, "batch transaction without amount in entry " + entryNo);
          }
          entries.add(
              new BankEntry(
                  tx.servicerRef() != null ? tx.servicerRef() : entryRef + "/" + txNo,
                  cents(tx.amount()),
                  currency(tx.amount()),
                  n.credit(),
                  n.bookingDate(),
                  tx.structured(),
                  tx.unstructured(),
                  tx.debtorName(),
                  tx.debtorIban()));
        }
      }
    }
    return new BankStatement(
        type,
        Objects.requireNonNullElse(messageId, ""),
        stmts.stream().map(Statement::id).collect(Collectors.joining("+")),
        requireIban(iban),
        from,
        to,
        entries);
  }

  // ---- camt.053.001.02 ----

  private static BankStatement fromV02(MxCamt05300102 mx) {
    return statement(
        TYPES.get(NS_V02),
        mx.getBkToCstmrStmt().getGrpHdr().getMsgId(),
        mx.getBkToCstmrStmt().getStmt().stream().map(Camt053Reader::statementV02).toList());
  }

  private static Statement statementV02(AccountStatement2 s) {
    return new Statement(
        s.getId(),
        s.getAcct() == null || s.getAcct().getId() == null ? null : s.getAcct().getId().getIBAN(),
        s.getFrToDt() == null ? null : date(s.getFrToDt().getFrDtTm()),
        s.getFrToDt() == null ? null : date(s.getFrToDt().getToDtTm()),
        s.getNtry().stream().map(Camt053Reader::entryV02).toList());
  }

  private static Entry entryV02(ReportEntry2 n) {
    return new Entry(
        n.getSts() == null || "BOOK".equals(n.getSts().value()),
        n.getCdtDbtInd() == CreditDebitCode.CRDT,
        n.getAmt(),
        n.getBookgDt() == null
            ? null
            : n.getBookgDt().getDt() != null
                ? n.getBookgDt().getDt()
                : date(n.getBookgDt().getDtTm()),
        n.getAcctSvcrRef(),
        n.getNtryRef(),
        n.getAddtlNtryInf(),
        n.getNtryDtls().stream()
            .map(EntryDetails1::getTxDtls)
            .flatMap(List::stream)
            .map(Camt053Reader::transactionV02)
            .toList());
  }

  private static Transaction transactionV02(EntryTransaction2 tx) {
    PartyIdentification32 debtor =
        tx.getRltdPties() == null
            ? null
            : tx.getRltdPties().getDbtr() != null
                ? tx.getRltdPties().getDbtr()
                : tx.getRltdPties().getUltmtDbtr();
    CashAccount16 account = tx.getRltdPties() == null ? null : tx.getRltdPties().getDbtrAcct();
    RemittanceInformation5 r = tx.getRmtInf();
    return new Transaction(
        transactionAmount(tx.getAmtDtls()),
        tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
        r == null
            ? null
            : firstReference(
                r.getStrd().stream()
                    .map(StructuredRemittanceInformation7::getCdtrRefInf)
                    .filter(Objects::nonNull)
                    .map(c -> c.getRef())),
        r == null ? null : unstructured(r.getUstrd()),
        debtor == null ? null : debtor.getNm(),
        account == null || account.getId() == null ? null : account.getId().getIBAN());
  }

  // ---- camt.053.001.08 ----

  private static BankStatement fromV08(MxCamt05300108 mx) {
    return statement(
        TYPES.get(NS_V08),
        mx.getBkToCstmrStmt().getGrpHdr().getMsgId(),
        mx.getBkToCstmrStmt().getStmt().stream().map(Camt053Reader::statementV08).toList());
  }

  private static Statement statementV08(AccountStatement9 s) {
    return new Statement(
        s.getId(),
        s.getAcct() == null || s.getAcct().getId() == null ? null : s.getAcct().getId().getIBAN(),
        s.getFrToDt() == null ? null : date(s.getFrToDt().getFrDtTm()),
        s.getFrToDt() == null ? null : date(s.getFrToDt().getToDtTm()),
        s.getNtry().stream().map(Camt053Reader::entryV08).toList());
  }

  private static Entry entryV08(ReportEntry10 n) {
    return new Entry(
        n.getSts() == null || n.getSts().getCd() == null || "BOOK".equals(n.getSts().getCd()),
        n.getCdtDbtInd() == CreditDebitCode.CRDT,
        n.getAmt(),
        n.getBookgDt() == null
            ? null
            : n.getBookgDt().getDt() != null
                ? n.getBookgDt().getDt()
                : date(n.getBookgDt().getDtTm()),
        n.getAcctSvcrRef(),
        n.getNtryRef(),
        n.getAddtlNtryInf(),
        n.getNtryDtls().stream()
            .map(EntryDetails9::getTxDtls)
            .flatMap(List::stream)
            .map(Camt053Reader::transactionV08)
            .toList());
  }

  private static Transaction transactionV08(EntryTransaction10 tx) {
    Party40Choice debtor = tx.getRltdPties() == null ? null : tx.getRltdPties().getDbtr();
    CashAccount38 account = tx.getRltdPties() == null ? null : tx.getRltdPties().getDbtrAcct();
    RemittanceInformation16 r = tx.getRmtInf();
    return new Transaction(
        tx.getAmt() != null ? tx.getAmt() : transactionAmount(tx.getAmtDtls()),
        tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
        r == null
            ? null
            : firstReference(
                r.getStrd().stream()
                    .map(StructuredRemittanceInformation16::getCdtrRefInf)
                    .filter(Objects::nonNull)
                    .map(c -> c.getRef())),
        r == null ? null : unstructured(r.getUstrd()),
        debtor == null || debtor.getPty() == null ? null : debtor.getPty().getNm(),
        account == null || account.getId() == null ? null : account.getId().getIBAN());
  }

  // ---- shared ----

  private static String firstReference(java.util.stream.Stream<String> references) {
    return references.filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static String unstructured(List<String> lines) {
    return lines.isEmpty() ? null : String.join(" ", lines);
  }

  private static String entryReference(
      String statementId, int entryNo, String servicerRef, String entryRef) {
    if (servicerRef != null && !servicerRef.isBlank()) {
      return servicerRef.strip();
    }
    if (entryRef != null && !entryRef.isBlank()) {
      return statementId + "/" + entryRef.strip();
    }
    return statementId + "/#" + entryNo;
  }

  private static ActiveOrHistoricCurrencyAndAmount transactionAmount(
      AmountAndCurrencyExchange3 details) {
    if (details == null) {
      return null;
    }
    if (details.getTxAmt() != null) {
      return details.getTxAmt().getAmt();
    }
    return details.getInstdAmt() == null ? null : details.getInstdAmt().getAmt();
  }

  private static long cents(ActiveOrHistoricCurrencyAndAmount amount) {
    if (amount == null || amount.getValue() == null) {
      throw new StatementRefused(Reason.MALFORMED, "entry without amount");
    }
    try {
      return amount.getValue().movePointRight(2).abs().longValueExact();
    } catch (ArithmeticException e) {
      throw new StatementRefused(
          Reason.MALFORMED, "amount with more than two decimals: " + amount.getValue());
    }
  }

  private static String currency(ActiveOrHistoricCurrencyAndAmount amount) {
    return amount.getCcy() == null ? "EUR" : amount.getCcy();
  }

  private static String sameAccount(String seen, String next) {
    if (next == null) {
      throw new StatementRefused(Reason.WRONG_ACCOUNT, "statement without IBAN");
    }
    String compact = next.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    if (seen != null && !seen.equals(compact)) {
      throw new StatementRefused(
          Reason.WRONG_ACCOUNT, "statements of several accounts in one file");
    }
    return compact;
  }

  private static String requireIban(String iban) {
    if (iban == null) {
      throw new StatementRefused(Reason.NO_ENTRIES, "no statement");
    }
    return iban;
  }

  private static LocalDate date(OffsetDateTime t) {
    return t == null ? null : t.toLocalDate();
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
