package dev.shopstream.notifications.live;

/**
 * One entry of a user's live stream: {@code seq} is its SSE id, {@code kind} its SSE event name
 * ({@code order-status} or {@code message}), {@code data} its JSON.
 */
public record LiveEvent(long seq, String kind, String data) {

    public static final String ORDER_STATUS = "order-status";
    public static final String MESSAGE = "message";
}
