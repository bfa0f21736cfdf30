package dev.shopstream.catalog.api;

import dev.shopstream.commons.money.Money;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product page: the product, its prices (and {@code price} in the currency asked for, if any) and each SKU with
 * what is available to buy. PostgreSQL renders the page ({@link dev.shopstream.catalog.search.ProductPages}); this
 * record is its schema in the OpenAPI document, and ProductApiIT checks that the two have the same properties.
 */
public record PublicProductView(UUID id, String slug, String name, String description, UUID categoryId,
                                Map<String, String> attributes, List<String> imageUrls, List<Money> prices,
                                Money price, List<SkuView> skus, OffsetDateTime updatedAt) {

    public record SkuView(String code, Map<String, String> attributes, int available, boolean inStock) {
    }
}
