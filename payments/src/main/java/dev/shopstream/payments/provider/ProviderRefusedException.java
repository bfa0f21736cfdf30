package dev.shopstream.payments.provider;

/** The provider refused an operation on an existing charge (e.g. more than it can refund). Retrying will not help. */
public class ProviderRefusedException extends RuntimeException {

    public ProviderRefusedException(String message) {
        super(message);
    }
}
