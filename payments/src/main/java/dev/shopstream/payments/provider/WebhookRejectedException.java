package dev.shopstream.payments.provider;

/** A webhook delivery whose signature is missing, forged, or too old. The message is safe to return. */
public class WebhookRejectedException extends RuntimeException {

    public WebhookRejectedException(String message) {
        super(message);
    }
}
