package dev.shopstream.catalog.inventory;

import dev.shopstream.catalog.consistency.ReadYourWrites;
import dev.shopstream.catalog.events.InventoryEvents;
import dev.shopstream.commons.audit.AuditLog;
import dev.shopstream.commons.audit.Changes;
import dev.shopstream.commons.domain.ExpectedVersion;
import dev.shopstream.commons.domain.StateConflictException;
import dev.shopstream.commons.domain.UnknownEntityException;
import dev.shopstream.commons.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SKUs and their stock on hand: staff add, change and archive SKUs and count or adjust their stock, which may never
 * fall below what reservations hold ({@link Reservations}). Every change is audited; stock changes are announced
 * through the outbox.
 */
@ApplicationScoped
public class Inventory {

    /** The most active SKUs a product may have: they are all on its public page. */
    public static final int MAX_SKUS_PER_PRODUCT = 200;

    @Inject
    SkuStore store;

    @Inject
    StockAlerts alerts;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Transactional
    @ReadYourWrites
    public StockLevel addSku(UUID productId, String code, int onHand, int lowStockThreshold,
                             Map<String, String> attributes) {
        if (!store.productExists(productId)) {
            throw new UnknownEntityException("Product", productId);
        }
        if (store.lockedActiveSkuCount(productId) >= MAX_SKUS_PER_PRODUCT) {
            throw new StateConflictException("Product " + productId + " already has " + MAX_SKUS_PER_PRODUCT
                    + " active SKUs; archive one before adding another.");
        }
        store.insert(productId, code, onHand, lowStockThreshold, attributes);
        StockLevel level = new StockLevel(code, onHand, 0, lowStockThreshold);
        audit.record("sku.created", "sku", code, Changes.between(null, level));
        return level;
    }

    /**
     * For bulk imports: adds the SKU, or brings an existing one of the same product to these attributes, threshold
     * and quantity on hand. Returns whether it was added.
     */
    @Transactional
    public boolean putSku(UUID productId, String code, int onHand, int lowStockThreshold,
                          Map<String, String> attributes, String reason) {
        Optional<SkuDetails> existing = store.locked(code);
        if (existing.isEmpty()) {
            addSku(productId, code, onHand, lowStockThreshold, attributes);
            return true;
        }
        SkuDetails before = existing.get();
        if (!productId.equals(before.productId())) {
            throw new StateConflictException("SKU code '" + code + "' belongs to another product.");
        }
        store.change(code, attributes, lowStockThreshold);
        if (before.stock().onHand() != onHand) {
            StockLevel counted = new StockLevel(code, before.stock().onHand(), before.stock().reserved(),
                    lowStockThreshold);
            changeOnHand(counted, counted.withOnHand(onHand), reason);
        }
        return false;
    }

    public Optional<SkuDetails> sku(String code) {
        return store.find(code);
    }

    /** Replaces a SKU's variant attributes and low-stock threshold, if it is still the {@code expected} version. */
    @Transactional
    @ReadYourWrites
    public SkuDetails updateSku(String code, ExpectedVersion expected, Map<String, String> attributes,
                                int lowStockThreshold) {
        SkuDetails before = store.locked(code).orElseThrow(() -> new UnknownEntityException("SKU", code));
        expected.check(before.version());
        if (before.archived()) {
            throw new StateConflictException("SKU " + code + " is archived and can no longer change.");
        }
        store.change(code, attributes, lowStockThreshold);
        SkuDetails after = store.find(code).orElseThrow();
        audit.record("sku.updated", "sku", code, Changes.between(before, after));
        alerts.announceIfLow(after.stock());
        return after;
    }

    /** Withdraws a SKU: it is no longer shown or reservable; reservations it already has run their course. */
    @Transactional
    @ReadYourWrites
    public void archiveSku(String code) {
        if (store.archive(code)) {
            audit.record("sku.archived", "sku", code, Changes.between(Map.of("status", "ACTIVE"),
                    Map.of("status", "ARCHIVED")));
        } else if (store.find(code).isEmpty()) {
            throw new UnknownEntityException("SKU", code);
        }
    }

    public Optional<StockLevel> stockOf(String code) {
        return store.stock(code);
    }

    /** Sets the counted quantity on hand; it may not drop below what reservations hold. */
    @Transactional
    @ReadYourWrites
    public StockLevel setOnHand(String code, int onHand, String reason) {
        StockLevel before = lockedStock(code);
        return changeOnHand(before, before.withOnHand(onHand), reason);
    }

    /** Adds {@code delta} (negative to remove) to the quantity on hand; it may not drop below what is reserved. */
    @Transactional
    @ReadYourWrites
    public StockLevel adjustOnHand(String code, int delta, String reason) {
        StockLevel before = lockedStock(code);
        return changeOnHand(before, before.withOnHand((long) before.onHand() + delta), reason);
    }

    private StockLevel lockedStock(String code) {
        return store.lockedStock(code).orElseThrow(() -> new UnknownEntityException("SKU", code));
    }

    private StockLevel changeOnHand(StockLevel before, StockLevel after, String reason) {
        store.setOnHand(after.sku(), after.onHand());
        outbox.add(InventoryEvents.TOPIC, InventoryEvents.ADJUSTED, after.sku(), new InventoryEvents.StockAdjusted(
                after.sku(), before.onHand(), after.onHand(), after.reserved(), reason,
                OffsetDateTime.now(ZoneOffset.UTC)));
        alerts.announceIfLow(after);
        audit.record("stock.adjusted", "sku", after.sku(), Changes.between(before, after));
        return after;
    }
}
