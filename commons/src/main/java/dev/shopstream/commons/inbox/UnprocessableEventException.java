package dev.shopstream.commons.inbox;

/**
 * An event no retry can help: unreadable, or missing what its consumer needs. {@link InboxConsumer} sends it to the
 * dead-letter topic at once.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
