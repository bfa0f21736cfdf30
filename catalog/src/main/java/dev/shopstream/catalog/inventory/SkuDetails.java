package dev.shopstream.catalog.inventory;

import java.util.Map;
import java.util.UUID;

/** A SKU as staff see it. */
public record SkuDetails(String code, UUID productId, Map<String, String> attributes, boolean archived,
                         StockLevel stock, long version) {
}
