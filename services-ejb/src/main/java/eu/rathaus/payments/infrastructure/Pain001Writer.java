package eu.rathaus.payments.infrastructure;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType3Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransactionInformation10;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV03;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification7;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader32;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation3;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation19;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import eu.rathaus.payments.domain.RefundTransfer;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Writes a refund as a pain.001.001.03 credit-transfer initiation (SEPA, the version every German
 * bank's online banking and EBICS accept), built with the Prowide ISO 20022 model rather than by
 * string concatenation, so the file is schema-shaped and escapes names correctly.
 */
public final class Pain001Writer {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private Pain001Writer() {}

  public static String write(RefundTransfer t) {
    BigDecimal amount = BigDecimal.valueOf(t.amountCents(), 2);

    GroupHeader32 header =
        new GroupHeader32()
            .setMsgId(max(t.messageId(), 35))
            .setCreDtTm(
                t.createdAt().truncatedTo(ChronoUnit.SECONDS).atZone(BERLIN).toOffsetDateTime())
            .setNbOfTxs("1")
            .setCtrlSum(amount)
            .setInitgPty(new PartyIdentification32().setNm(max(t.debtorName(), 70)));

    CreditTransferTransactionInformation10 tx =
        new CreditTransferTransactionInformation10()
            .setPmtId(new PaymentIdentification1().setEndToEndId(max(t.endToEndId(), 35)))
            .setAmt(
                new AmountType3Choice()
                    .setInstdAmt(
                        new ActiveOrHistoricCurrencyAndAmount().setValue(amount).setCcy("EUR")))
            .setCdtr(new PartyIdentification32().setNm(max(t.creditorName(), 70)))
            .setCdtrAcct(account(t.creditorIban()));
    RemittanceInformation5 remittance = new RemittanceInformation5();
    remittance.getUstrd().add(max(t.remittance(), 140));
    tx.setRmtInf(remittance);

    PaymentInstructionInformation3 instruction =
        new PaymentInstructionInformation3()
            .setPmtInfId(max(t.messageId(), 35))
            .setPmtMtd(PaymentMethod3Code.TRF)
            .setBtchBookg(false)
            .setNbOfTxs("1")
            .setCtrlSum(amount)
            .setPmtTpInf(
                new PaymentTypeInformation19().setSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
            .setReqdExctnDt(t.executionDate())
            .setDbtr(new PartyIdentification32().setNm(max(t.debtorName(), 70)))
            .setDbtrAcct(account(t.debtorIban()))
            .setDbtrAgt(agent(t.debtorBic()))
            .setChrgBr(ChargeBearerType1Code.SLEV);
    instruction.getCdtTrfTxInf().add(tx);

    CustomerCreditTransferInitiationV03 initiation =
        new CustomerCreditTransferInitiationV03().setGrpHdr(header);
    initiation.getPmtInf().add(instruction);
    MxPain00100103 mx = new MxPain00100103();
    mx.setCstmrCdtTrfInitn(initiation);
    MxWriteConfiguration config = new MxWriteConfiguration();
    config.documentPrefix = null;
    config.includeXMLDeclaration = true;
    return mx.message(config);
  }

  private static CashAccount16 account(String iban) {
    return new CashAccount16().setId(new AccountIdentification4Choice().setIBAN(iban));
  }

  /** The BIC if known; SEPA allows "NOTPROVIDED" since IBAN-only transfers. */
  private static BranchAndFinancialInstitutionIdentification4 agent(String bic) {
    FinancialInstitutionIdentification7 id = new FinancialInstitutionIdentification7();
    if (bic == null || bic.isBlank()) {
      id.setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"));
    } else {
      id.setBIC(bic);
    }
    return new BranchAndFinancialInstitutionIdentification4().setFinInstnId(id);
  }

  private static String max(String text, int length) {
    String t = text == null ? "" : text.strip();
    return t.length() <= length ? t : t.substring(0, length);
  }
}
