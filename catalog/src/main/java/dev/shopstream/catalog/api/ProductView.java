package dev.shopstream.catalog.api;

import dev.shopstream.catalog.product.Product;
import dev.shopstream.catalog.product.ProductStatus;
import dev.shopstream.commons.money.Money;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A product as the API shows it. */
public record ProductView(UUID id, String slug, ProductStatus status, UUID categoryId, String name,
                          String description, Money price, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                          long version) {

    static ProductView of(Product product) {
        return new ProductView(product.id(), product.slug(), product.status(), product.categoryId(), product.name(),
                product.description(), product.price(), product.createdAt(), product.updatedAt(), product.version());
    }
}
