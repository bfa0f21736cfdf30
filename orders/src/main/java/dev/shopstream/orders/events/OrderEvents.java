package dev.shopstream.orders.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What orders announces on {@code order.lifecycle} (see docs/events/order.lifecycle.md). */
public final class OrderEvents {

    public static final String TOPIC = "order.lifecycle";
    private static final String PREFIX = "dev.shopstream.orders.order.";
    public static final String CREATED = PREFIX + "created";
    public static final String CONFIRMED = PREFIX + "confirmed";
    public static final String REJECTED = PREFIX + "rejected";
    public static final String PAYMENT_FAILED = PREFIX + "payment-failed";
    public static final String CANCELLED = PREFIX + "cancelled";
    public static final String PACKED = PREFIX + "packed";
    public static final String SHIPPED = PREFIX + "shipped";
    public static final String DELIVERED = PREFIX + "delivered";
    public static final String REFUNDED = PREFIX + "refunded";

    private OrderEvents() {
    }

    /**
     * Data of every order event: the order as it is after the change ({@code status} is its code, e.g.
     * {@code payment_failed}). {@code reason} says why a checkout did not go through or an order was cancelled;
     * {@code refundedMinor} is the total refunded so far; carrier and tracking number are set once shipped.
     */
    public record OrderChanged(UUID orderId, String customerId, String status, String currency, long totalMinor,
                               long capturedMinor, long refundedMinor, List<Line> lines, String reason,
                               String carrier, String trackingNumber, OffsetDateTime at) {
    }

    public record Line(String sku, String productName, int quantity, long unitPriceMinor) {
    }
}
