package dev.shopstream.orders.catalog;

import java.util.UUID;

/**
 * What catalog offers a SKU at, in one currency: {@code onSale} is false for an archived SKU or a product that is
 * not active; {@code priceMinor} is null when the product has no price in the currency.
 */
public record Offer(String sku, UUID productId, String productName, boolean onSale, Long priceMinor, String currency,
                    int available) {

    public boolean isPriced() {
        return priceMinor != null;
    }
}
