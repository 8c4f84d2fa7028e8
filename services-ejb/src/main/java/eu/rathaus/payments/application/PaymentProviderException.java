package eu.rathaus.payments.application;

/** The provider could not be reached, answered with an error, or said something we cannot read. */
public class PaymentProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PaymentProviderException(String message) {
    super(message);
  }

  public PaymentProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
