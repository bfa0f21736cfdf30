package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.Product;
import dev.shopstream.catalog.product.ProductStatus;
import dev.shopstream.commons.money.Money;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A product as staff see it, every field and price. */
public record ProductView(UUID id, String slug, ProductStatus status, UUID categoryId, String name,
                          String description, List<Money> prices, Map<String, String> attributes,
                          List<String> imageUrls, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    static ProductView of(Product product) {
        return new ProductView(product.id(), product.slug(), product.status(), product.categoryId(), product.name(),
                product.description(), product.prices(), product.attributes(), product.imageUrls(),
                product.createdAt(), product.updatedAt(), product.version());
    }
}
