package dev.shopstream.catalog.inventory;

import dev.shopstream.commons.domain.RuleViolationException;
import dev.shopstream.commons.domain.StateConflictException;

/** The stock of one SKU: what is on hand, what reservations hold, and what is left to sell. */
public record StockLevel(String sku, int onHand, int reserved, int lowStockThreshold) {

    /** The most a SKU may have on hand. */
    public static final int MAX_ON_HAND = 1_000_000_000;

    public int available() {
        return onHand - reserved;
    }

    public boolean isLow() {
        return available() <= lowStockThreshold;
    }

    /** This stock with another quantity on hand, which may neither drop below what is reserved nor exceed the maximum. */
    public StockLevel withOnHand(long newOnHand) {
        if (newOnHand < reserved) {
            throw new StateConflictException("SKU " + sku + " has " + onHand + " on hand and " + reserved
                    + " reserved; on hand cannot become " + newOnHand + ".");
        }
        if (newOnHand > MAX_ON_HAND) {
            throw new RuleViolationException("On hand cannot exceed " + MAX_ON_HAND + ".");
        }
        return new StockLevel(sku, (int) newOnHand, reserved, lowStockThreshold);
    }
}
