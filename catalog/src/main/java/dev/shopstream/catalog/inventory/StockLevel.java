package dev.shopstream.catalog.inventory;

/** The stock of one SKU: what is on hand, what reservations hold, and what is left to sell. */
public record StockLevel(String sku, int onHand, int reserved, int lowStockThreshold) {

    public int available() {
        return onHand - reserved;
    }

    public boolean isLow() {
        return available() <= lowStockThreshold;
    }
}
