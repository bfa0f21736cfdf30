package dev.shopstream.orders.remote;

/**
 * Another service did not answer usefully (unreachable, too slow, its circuit open, or an answer of 5xx): the call
 * may be tried again later. Every call orders makes is idempotent, so trying again is safe.
 */
public class RemoteUnavailableException extends RuntimeException {

    public RemoteUnavailableException(String message) {
        super(message);
    }

    public RemoteUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
