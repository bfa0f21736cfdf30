package dev.shopstream.notifications.preference;

/**
 * An unsubscribe link that is not one this shop signed: malformed, or altered after signing ({@link #forged()}).
 * Nothing is changed for it.
 */
public class InvalidSubscriptionException extends RuntimeException {

    private final boolean forged;

    public InvalidSubscriptionException(String message, boolean forged) {
        super(message);
        this.forged = forged;
    }

    public boolean forged() {
        return forged;
    }
}
