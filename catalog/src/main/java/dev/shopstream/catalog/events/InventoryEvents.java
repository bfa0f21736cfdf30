package dev.shopstream.catalog.events;

import java.time.OffsetDateTime;
import java.util.List;

/** What catalog announces on {@code inventory.events} (see docs/events/inventory.events.md). */
public final class InventoryEvents {

    public static final String TOPIC = "inventory.events";
    public static final String ADJUSTED = "dev.shopstream.catalog.inventory.adjusted";
    public static final String LOW_STOCK = "dev.shopstream.catalog.inventory.low-stock";
    public static final String RESERVED = "dev.shopstream.catalog.inventory.reserved";
    public static final String COMMITTED = "dev.shopstream.catalog.inventory.committed";
    public static final String RELEASED = "dev.shopstream.catalog.inventory.released";
    public static final String EXPIRED = "dev.shopstream.catalog.inventory.expired";

    private InventoryEvents() {
    }

    public record StockAdjusted(String sku, int previousOnHand, int onHand, int reserved, String reason,
                                OffsetDateTime at) {
    }

    public record LowStock(String sku, int available, int threshold, OffsetDateTime at) {
    }

    /** Data of reserved, committed, released and expired events: the reservation as it is now. */
    public record ReservationChanged(String orderId, String status, List<Line> lines,
                                     OffsetDateTime expiresAt, OffsetDateTime at) {
    }

    public record Line(String sku, int quantity) {
    }
}
