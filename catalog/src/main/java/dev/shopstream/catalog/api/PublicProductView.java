package dev.shopstream.catalog.api;

import dev.shopstream.catalog.search.ProductPages;
import dev.shopstream.commons.money.Money;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product page: the product, its prices (and {@code price} in the currency asked for, if any) and each SKU with
 * what is available to buy.
 */
public record PublicProductView(UUID id, String slug, String name, String description, UUID categoryId,
                                Map<String, String> attributes, List<String> imageUrls, List<Money> prices,
                                Money price, List<SkuView> skus, OffsetDateTime updatedAt) {

    public record SkuView(String code, Map<String, String> attributes, int available, boolean inStock) {
    }

    static PublicProductView of(ProductPages.Page page, Money price) {
        return new PublicProductView(page.id(), page.slug(), page.name(), page.description(), page.categoryId(),
                page.attributes(), page.imageUrls(), page.prices(), price,
                page.skus().stream().map(sku -> new SkuView(sku.code(), sku.attributes(), sku.available(),
                        sku.available() > 0)).toList(),
                page.updatedAt());
    }
}
