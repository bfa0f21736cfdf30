package dev.shopstream.orders.order;

import java.util.Locale;

/**
 * Where an order stands. {@code PENDING} while its saga runs; then {@code CONFIRMED} (paid, stock sold) or one of
 * the ends of a checkout that did not go through ({@code REJECTED}: out of stock; {@code PAYMENT_FAILED}). A
 * confirmed order is fulfilled ({@code PACKED → SHIPPED → DELIVERED}) or {@code CANCELLED} before it ships.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, PAYMENT_FAILED, PACKED, SHIPPED, DELIVERED, CANCELLED;

    /** The status as the API and the events write it, e.g. {@code payment_failed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasEnded() {
        return this == REJECTED || this == PAYMENT_FAILED || this == DELIVERED || this == CANCELLED;
    }
}
