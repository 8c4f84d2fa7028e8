package eu.rathaus.payments.domain;

/**
 * How the citizen pays: on a provider's hosted page, or by SEPA credit transfer (with GiroCode).
 */
public enum PaymentMethod {
  HOSTED_PAGE,
  SEPA_TRANSFER
}
