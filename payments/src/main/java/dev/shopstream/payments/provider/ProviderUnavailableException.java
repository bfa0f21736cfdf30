package dev.shopstream.payments.provider;

/**
 * The provider could not be reached or answered with a transient error before it accepted the request. Safe to
 * retry with the same idempotency key.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
