package eu.rathaus.payments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.rathaus.payments.domain.BankEntry;
import eu.rathaus.payments.domain.BankStatement;
import eu.rathaus.payments.domain.StatementRefused;
import eu.rathaus.payments.domain.StatementRefused.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** camt.053 parsing on hand-written sample statements, and refusal of unsafe or wrong files. */
class Camt053ReaderTest {

  private static byte[] sample(String name) throws IOException {
    try (InputStream in =
        Camt053ReaderTest.class.getResourceAsStream("/payments/camt053/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void readsAVersion02StatementWithAllKindsOfEntries() throws IOException {
    BankStatement s = Camt053Reader.read(sample("musterstadt-v02.xml"));

    assertThat(s.messageType()).isEqualTo("camt.053.001.02");
    assertThat(s.messageId()).isEqualTo("MSG-2026-11-26-0001");
    assertThat(s.statementId()).isEqualTo("STMT-2026-11-26-202051");
    assertThat(s.accountIban()).isEqualTo("DE02120300000000202051");
    assertThat(s.periodFrom()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(s.periodTo()).isEqualTo(LocalDate.of(2026, 11, 26));
    // five single entries + a batch of two transactions
    assertThat(s.entries()).hasSize(7);

    BankEntry exact = s.entries().get(0);
    assertThat(exact.bankReference()).isEqualTo("2026112600000001");
    assertThat(exact.amountCents()).isEqualTo(3000);
    assertThat(exact.credit()).isTrue();
    assertThat(exact.currency()).isEqualTo("EUR");
    assertThat(exact.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(exact.creditorReference()).isEqualTo("RF60MUS2026000101");
    assertThat(exact.debtorName()).isEqualTo("Erika Mustermann");
    assertThat(exact.debtorIban()).isEqualTo("DE89370400440532013000");

    assertThat(s.entries().get(1).creditorReference()).isNull();
    assertThat(s.entries().get(1).remittanceText())
        .isEqualTo("Kassenzeichen RF33MUS2026000102 Anwohnerparken");
    assertThat(s.entries().get(3).amountCents()).isEqualTo(1250);

    BankEntry debit = s.entries().get(4);
    assertThat(debit.credit()).isFalse();
    assertThat(debit.amountCents()).isEqualTo(400);

    BankEntry batchOne = s.entries().get(5);
    BankEntry batchTwo = s.entries().get(6);
    assertThat(batchOne.amountCents()).isEqualTo(2400);
    assertThat(batchOne.bankReference()).isEqualTo("2026112600000006-1");
    assertThat(batchTwo.amountCents()).isEqualTo(3600);
    assertThat(batchTwo.bankReference()).isEqualTo("2026112600000006/2");
    assertThat(batchTwo.debtorName()).isEqualTo("Lea Schmidt");
  }

  @Test
  void readsAVersion08Statement() throws IOException {
    BankStatement s = Camt053Reader.read(sample("musterstadt-v08.xml"));

    assertThat(s.messageType()).isEqualTo("camt.053.001.08");
    assertThat(s.statementId()).isEqualTo("STMT-2026-11-27-202051");
    assertThat(s.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.amountCents()).isEqualTo(3000);
              assertThat(e.creditorReference()).isEqualTo("RF22MUS2026000106");
              assertThat(e.debtorName()).isEqualTo("Erika Mustermann");
              assertThat(e.debtorIban()).isEqualTo("DE89370400440532013000");
            });
  }

  @Test
  void readsEachTransactionOfAVersion08BatchEntry() throws IOException {
    // The sample's one credit turned into a batch of two: the entry's 30.00 EUR split into a
    // 12.50 EUR transaction with the bank's own reference and a 17.50 EUR one without.
    String single = new String(sample("musterstadt-v08.xml"), StandardCharsets.UTF_8);
    String first = single.substring(single.indexOf("<TxDtls>"), single.indexOf("</TxDtls>") + 9);
    String batch =
        single.replace(
            first,
            first
                    .replace("<Amt Ccy=\"EUR\">30.00</Amt>", "<Amt Ccy=\"EUR\">12.50</Amt>")
                    .replace(
                        "<Refs><EndToEndId>",
                        "<Refs><AcctSvcrRef>TX-0001</AcctSvcrRef><EndToEndId>")
                + first
                    .replace("<Amt Ccy=\"EUR\">30.00</Amt>", "<Amt Ccy=\"EUR\">17.50</Amt>")
                    .replace("Erika Mustermann", "Max Mustermann")
                    .replace("RF22MUS2026000106", "RF71MUS2026000107"));

    BankStatement s = Camt053Reader.read(batch.getBytes(StandardCharsets.UTF_8));

    assertThat(s.entries()).hasSize(2);
    assertThat(s.entries().get(0).bankReference()).isEqualTo("TX-0001");
    assertThat(s.entries().get(0).amountCents()).isEqualTo(1250);
    assertThat(s.entries().get(0).creditorReference()).isEqualTo("RF22MUS2026000106");
    assertThat(s.entries().get(1).bankReference()).isEqualTo("2026112700000001/2");
    assertThat(s.entries().get(1).amountCents()).isEqualTo(1750);
    assertThat(s.entries().get(1).debtorName()).isEqualTo("Max Mustermann");
    assertThat(s.entries().get(1).creditorReference()).isEqualTo("RF71MUS2026000107");
  }

  @Test
  void refusesExternalEntitiesWithoutResolvingThem(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "top secret");
    // A local HTTP server stands in for an attacker's host: it must never be asked for anything.
    AtomicInteger requests = new AtomicInteger();
    HttpServer attacker =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    attacker.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body =
              "<!ENTITY leak SYSTEM 'file:///etc/hostname'>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    attacker.start();
    try {
      String host = "http://127.0.0.1:" + attacker.getAddress().getPort();
      String fileEntity =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \""
              + secret.toUri()
              + "\">]>\n"
              + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>&xxe;</MsgId>"
              + "</GrpHdr></BkToCstmrStmt></Document>";
      String urlEntity =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY remote SYSTEM \""
              + host
              + "/entity\">]>\n"
              + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&remote;</Document>";
      String externalDtd =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE Document SYSTEM \""
              + host
              + "/evil.dtd\">\n"
              + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>";
      String parameterEntity =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY % p SYSTEM \""
              + host
              + "/p\"> %p;]>\n"
              + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>";

      for (String xml : List.of(fileEntity, urlEntity, externalDtd, parameterEntity)) {
        assertThatThrownBy(() -> Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(StatementRefused.class)
            .satisfies(
                e -> assertThat(((StatementRefused) e).reason()).isEqualTo(Reason.UNSAFE_XML))
            .hasMessageNotContaining("top secret");
      }
      assertThat(requests).as("requests that reached the attacker's host").hasValue(0);
    } finally {
      attacker.stop(0);
    }
  }

  @Test
  void refusesABillionLaughsWithoutExpandingIt() {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    xml.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
    for (int i = 2; i <= 9; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"");
      xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    xml.append(
        "]>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><x>&lol9;</x></Document>");

    assertThatThrownBy(() -> Camt053Reader.read(xml.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StatementRefused.class)
        .satisfies(e -> assertThat(((StatementRefused) e).reason()).isEqualTo(Reason.UNSAFE_XML));
  }

  @Test
  void refusesMalformedXml() {
    assertRefused(
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>",
        Reason.MALFORMED);
    assertRefused("kein XML", Reason.MALFORMED);
  }

  @Test
  void refusesAnotherMessageType() {
    assertRefused(
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>",
        Reason.WRONG_MESSAGE);
    assertRefused("<html><body>nope</body></html>", Reason.WRONG_MESSAGE);
  }

  @Test
  void refusesAnEmptyFileAndAStatementWithoutEntries() throws IOException {
    assertThatThrownBy(() -> Camt053Reader.read(new byte[0]))
        .satisfies(e -> assertThat(((StatementRefused) e).reason()).isEqualTo(Reason.EMPTY_FILE));
    String noEntries =
        new String(sample("musterstadt-v08.xml"), StandardCharsets.UTF_8)
            .replaceAll("(?s)<Ntry>.*</Ntry>", "");
    assertRefused(noEntries, Reason.NO_ENTRIES);
  }

  /**
   * The same statement with its namespace declared only with a prefix, as in the Bundesbank's EBICS
   * samples: read exactly like the default-namespace form.
   */
  @Test
  void readsAStatementWhoseNamespaceHasAPrefix() throws IOException {
    for (String name : List.of("musterstadt-v02.xml", "musterstadt-v08.xml")) {
      String plain = new String(sample(name), StandardCharsets.UTF_8);
      String prefixed =
          plain
              .replaceAll("<(/?)([A-Za-z])", "<$1camt:$2")
              .replace("xmlns=\"urn:iso", "xmlns:camt=\"urn:iso");
      assertThat(prefixed).contains("<camt:Document xmlns:camt=").doesNotContain("xmlns=\"urn");

      BankStatement expected = Camt053Reader.read(plain.getBytes(StandardCharsets.UTF_8));
      BankStatement read = Camt053Reader.read(prefixed.getBytes(StandardCharsets.UTF_8));

      assertThat(read).as(name).usingRecursiveComparison().isEqualTo(expected);
      assertThat(read.entries()).isNotEmpty();
    }
  }

  /** Unreadable statements end in a refusal with a reason (the treasury's German message). */
  @Test
  void refusesStatementsItCannotReadWithAReason() {
    // No namespace at all: which version it is cannot be told.
    assertRefused(
        "<Document><BkToCstmrStmt><GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrStmt></Document>",
        Reason.WRONG_MESSAGE);
    // Prefixed, but the entry lacks its amount and dates: incomplete, not a crash.
    assertRefused(
        "<c:Document xmlns:c=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><c:BkToCstmrStmt>"
            + "<c:GrpHdr><c:MsgId>M</c:MsgId></c:GrpHdr><c:Stmt><c:Id>S</c:Id>"
            + "<c:Acct><c:Id><c:IBAN>DE02120300000000202051</c:IBAN></c:Id></c:Acct>"
            + "<c:Ntry><c:CdtDbtInd>CRDT</c:CdtDbtInd></c:Ntry></c:Stmt></c:BkToCstmrStmt></c:Document>",
        Reason.MALFORMED);
  }

  private static void assertRefused(String xml, Reason reason) {
    assertThatThrownBy(() -> Camt053Reader.read(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StatementRefused.class)
        .satisfies(e -> assertThat(((StatementRefused) e).reason()).isEqualTo(reason));
  }
}
