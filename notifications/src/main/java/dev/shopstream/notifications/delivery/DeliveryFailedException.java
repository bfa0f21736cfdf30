package dev.shopstream.notifications.delivery;

/**
 * A channel could not hand a message over. A permanent failure (the address is not one) is not tried again; any
 * other (the server is down, refused for now, timed out) is retried with backoff.
 */
public class DeliveryFailedException extends Exception {

    private final boolean permanent;

    public DeliveryFailedException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
