package dev.shopstream.catalog.inventory;

import dev.shopstream.catalog.events.InventoryEvents;
import dev.shopstream.commons.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Tells staff, through the outbox, when a change leaves a SKU's available stock at or below its threshold. */
@ApplicationScoped
public class StockAlerts {

    @Inject
    Outbox outbox;

    public void announceIfLow(StockLevel level) {
        if (level.isLow()) {
            outbox.add(InventoryEvents.TOPIC, InventoryEvents.LOW_STOCK, level.sku(), new InventoryEvents.LowStock(
                    level.sku(), level.available(), level.lowStockThreshold(), OffsetDateTime.now(ZoneOffset.UTC)));
        }
    }
}
